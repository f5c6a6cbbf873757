import { texts } from './define.ts';

// The plan pages' texts. English fixes the keys; Chinese must have the same ones.
export default texts(
  {
    title: 'plan',
  },
  {
    title: 'plan',
  },
);
