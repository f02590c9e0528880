/// A flavor encodes as its name, `"sandbox"`, `"live"` or `"enterprise"`;
/// decoding any other text is an error (SPEC §2: matched exactly).
extension Flavor: Codable {}
