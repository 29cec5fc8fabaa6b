export { CommandFormView } from './CommandFormView';
