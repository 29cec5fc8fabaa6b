export { CommandFormView } from './CommandFormView';
export { CLIENT_COMMAND_FORMS, ERASURE_FORM, REGISTRATION_FORMS } from './command-model';
export { FieldInput } from './FieldInput';
