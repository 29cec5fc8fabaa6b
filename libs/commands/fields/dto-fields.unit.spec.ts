import 'reflect-metadata';
import { createValidationPipe, RequestValidationException } from '../../problem/index.js';
import { DateField, IdArrayField, IdField, NestedField, TextField } from './dto-fields.js';

class PartyDto {
  @IdField() organisationId: string;
}
class CommandDto {
  @NestedField(() => PartyDto) party: PartyDto;
  @NestedField(() => PartyDto, { optional: true }) witness?: PartyDto;
  @TextField({ optional: true, max: 20 }) note?: string;
  @DateField({ optional: true }) validUntil?: string;
  @IdArrayField({ optional: true }) organisationIds?: string[];
}

/** The fields of the global pipe's 400, or [] when the body passes. */
async function refusedFields(body: unknown): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: CommandDto });
    return [];
  } catch (error) {
    if (error instanceof RequestValidationException) return [...new Set(error.errors.map((e) => e.field))].sort();
    throw error;
  }
}

describe('dto field decorators', () => {
  it('accept a body with the optional fields left out', async () => {
    expect(await refusedFields({ party: { organisationId: 'kela' } })).toEqual([]);
  });

  it('take a list of ids each by the id rule and once, an empty list too', async () => {
    const party = { organisationId: 'kela' };
    expect(await refusedFields({ party, organisationIds: ['kela', 'te-keski-suomi'] })).toEqual([]);
    expect(await refusedFields({ party, organisationIds: [] })).toEqual([]);
    for (const organisationIds of [['kela', 'kela'], ['kela '], [''], [7], 'kela'])
      expect(await refusedFields({ party, organisationIds })).toEqual(['organisationIds']);
  });

  it('refuse a required nested object that is absent or null', async () => {
    expect(await refusedFields({})).toEqual(['party']);
    expect(await refusedFields({ party: null })).toEqual(['party']);
  });

  it('refuse null for optional fields: absent is the only way to leave one out', async () => {
    expect(
      await refusedFields({ party: { organisationId: 'kela' }, witness: null, note: null, validUntil: null }),
    ).toEqual(['note', 'validUntil', 'witness']);
  });
});
