import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNotEmpty, IsString, Max, Min, ValidateNested, type ValidationError } from 'class-validator';
import { flattenValidationErrors, RequestValidationException, createValidationPipe } from './validation.js';

class KutyDto {
  @IsInt()
  @Min(1)
  @Max(8)
  hoursPerDay!: number;
}
class DataDto {
  @ValidateNested()
  @Type(() => KutyDto)
  kuty!: KutyDto;
}
class ItemDto {
  @IsString()
  @IsNotEmpty()
  name!: string;
}
class CommandDto {
  @ValidateNested()
  @Type(() => DataDto)
  data!: DataDto;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items!: ItemDto[];
}

/** Runs the real global pipe and returns the exception its factory produced. */
async function rejectionOf(body: unknown): Promise<RequestValidationException> {
  const pipe = createValidationPipe();
  try {
    await pipe.transform(body, { type: 'body', metatype: CommandDto });
  } catch (error) {
    if (error instanceof RequestValidationException) return error;
    throw error;
  }
  throw new Error('expected the pipe to reject the body');
}

describe('validation exceptionFactory', () => {
  it('names nested fields by their full path, array items by index', async () => {
    const error = await rejectionOf({ data: { kuty: { hoursPerDay: 12 } }, items: [{ name: 'ok' }, { name: '' }] });
    expect(error.getStatus()).toBe(400);
    expect(error.errors).toEqual([
      { field: 'data.kuty.hoursPerDay', message: 'hoursPerDay must not be greater than 8' },
      { field: 'items[1].name', message: 'name should not be empty' },
    ]);
  });

  it('reports unknown fields at their nested path (forbidNonWhitelisted)', async () => {
    const error = await rejectionOf({ data: { kuty: { hoursPerDay: 4, extra: 1 } }, items: [], surprise: true });
    expect(error.errors.map((e) => e.field).sort()).toEqual(['data.kuty.extra', 'surprise']);
  });

  it('gives one message per field: its first broken constraint', async () => {
    const error = await rejectionOf({ data: { kuty: { hoursPerDay: 'lots' } }, items: [] });
    expect(error.errors).toEqual([{ field: 'data.kuty.hoursPerDay', message: expect.any(String) }]);
  });

  it('refuses input beyond the limits before transforming it (depth, null, control characters)', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect((await rejectionOf({ data: deep, items: [] })).errors).toEqual([
      { field: expect.stringMatching(/^data/), message: expect.stringMatching(/levels deep/) },
    ]);
    expect((await rejectionOf({ data: null, items: ['a\u0000'] })).errors.map((e) => e.field)).toEqual([
      'data',
      'items[0]',
    ]);
  });

  it('flattens hand-built trees, including arrays of arrays', () => {
    const tree: ValidationError[] = [
      {
        property: 'matrix',
        children: [{ property: '0', children: [{ property: '2', constraints: { isInt: 'must be an integer' } }] }],
      },
    ];
    expect(flattenValidationErrors(tree)).toEqual([{ field: 'matrix[0][2]', message: 'must be an integer' }]);
  });
});
