import { texts } from './define.ts';

// The inventory pages' texts. English fixes the keys; Chinese must have the same ones.
export default texts(
  {
    title: 'inventory',
  },
  {
    title: 'inventory',
  },
);
