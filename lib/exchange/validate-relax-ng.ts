import { RelaxNGValidator, XmlDocument, XmlLibError } from "libxml2-wasm";

/**
 * A RELAX NG validator for the test suite: libxml2 (the engine of `xmllint --relaxng`) compiled to WebAssembly
 * (the libxml2-wasm package, pinned), so it runs in Node with nothing native to build or install. The document
 * is parsed first: a document that is not well-formed XML 1.0 (a forbidden character, a duplicate xml:id) is
 * rejected with the parser's message, then the schema's.
 */
export interface RelaxNgResult {
  valid: boolean;
  /** libxml2's messages, with the line they refer to. */
  errors: string[];
}

export class RelaxNgSchema {
  private readonly validator: RelaxNGValidator;

  private constructor(schemaText: string) {
    const schema = XmlDocument.fromString(schemaText);
    try {
      this.validator = RelaxNGValidator.fromDoc(schema);
    } finally {
      schema.dispose();
    }
  }

  /** The schema from its text (RELAX NG XML syntax); reading the file is the caller's business, so this module stays pure. */
  static fromText(schemaText: string): RelaxNgSchema {
    return new RelaxNgSchema(schemaText);
  }

  validate(xml: string): RelaxNgResult {
    let document: XmlDocument;
    try {
      document = XmlDocument.fromString(xml);
    } catch (error) {
      return { valid: false, errors: messagesOf(error) };
    }
    try {
      this.validator.validate(document);
      return { valid: true, errors: [] };
    } catch (error) {
      return { valid: false, errors: messagesOf(error) };
    } finally {
      document.dispose();
    }
  }

  dispose(): void {
    this.validator.dispose();
  }
}

function messagesOf(error: unknown): string[] {
  if (error instanceof XmlLibError && error.details.length > 0) {
    return error.details.map((detail) => `line ${detail.line}: ${detail.message.trim()}`);
  }
  throw error;
}
