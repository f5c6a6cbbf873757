import { texts } from './define.ts';

// The city pages' texts. English fixes the keys; Chinese must have the same ones.
export default texts(
  {
    title: 'city',
  },
  {
    title: 'city',
  },
);
