export * from './dto-fields.js';
export * from './organisation-ref.dto.js';
