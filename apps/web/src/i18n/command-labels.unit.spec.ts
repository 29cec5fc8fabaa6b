import forms from '../api/command-forms.json' with { type: 'json' };
import { COMMAND_TITLES, FIELD_LABELS, VALUE_LABELS } from './command-labels';

/** Every command form, field and enum value the OpenAPI document describes has its words in fi, sv and en. */
describe('the command forms’ labels', () => {
  const languages = ['fi', 'sv', 'en'] as const;
  const complete = (words: Record<string, Record<string, string>>, keys: string[]) =>
    keys.filter((k) => !languages.every((l) => words[k]?.[l]));

  it('name every command', () => {
    expect(
      complete(
        COMMAND_TITLES,
        forms.map((f) => f.operationId),
      ),
    ).toEqual([]);
  });

  it('label every field and path parameter', () => {
    // a list of objects' rows have their own fields
    const fields = forms.flatMap((f) => f.fields.flatMap((x) => [x, ...('fields' in x ? (x.fields ?? []) : [])]));
    const names = [...forms.flatMap((f) => f.pathParams), ...fields.flatMap((x) => x.name.split('.'))];
    expect(complete(FIELD_LABELS, names)).toEqual([]);
  });

  it('label every enum value, so no raw code is shown', () => {
    const fields = forms.flatMap((f) => f.fields.flatMap((x) => [x, ...('fields' in x ? (x.fields ?? []) : [])]));
    const values = fields.flatMap((x) => ('values' in x ? (x.values ?? []) : []));
    expect(complete(VALUE_LABELS, values)).toEqual([]);
  });
});
