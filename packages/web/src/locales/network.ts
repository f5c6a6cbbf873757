import { texts } from './define.ts';

// The network pages' texts. English fixes the keys; Chinese must have the same ones.
export default texts(
  {
    title: 'network',
  },
  {
    title: 'network',
  },
);
