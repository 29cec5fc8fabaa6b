export { ErasureView } from './ErasureView';
