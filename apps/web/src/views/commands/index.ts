export { CommandFormView } from './CommandFormView';
export { CLIENT_COMMAND_FORMS, REGISTRATION_FORMS } from './command-model';
