import { texts } from './define.ts';

// The pathway pages' texts. English fixes the keys; Chinese must have the same ones.
export default texts(
  {
    title: 'pathway',
  },
  {
    title: 'pathway',
  },
);
