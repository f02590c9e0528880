/// The PEM armour of a file (RFC 7468), read structurally: which
/// `-----BEGIN label-----` … `-----END label-----` blocks it has, whether each
/// is closed by the matching END line, whether its body is base64, and
/// whether it has RFC 1421 encryption headers (`Proc-Type: 4,ENCRYPTED`).
/// Bodies are never decoded or kept: this is no X.509 validation, and no key
/// material leaves this type (README, "For the ticket service").
struct PEMDocument: Sendable {
    struct Block: Sendable, Equatable {
        /// The label, e.g. `CERTIFICATE`; from the file, so print only known labels.
        var label: String
        /// Whether an END line with the same label closes it.
        var isClosed: Bool
        /// Whether every body line is base64 (after any headers).
        var isBase64: Bool
        /// Whether a `Proc-Type` header says `ENCRYPTED` (a passphrase).
        var hasEncryptionHeader: Bool
    }

    private(set) var blocks: [Block] = []

    init(_ bytes: [UInt8]) {
        var current: Block?
        var inHeaders = false
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = rawLine[...]
            while let last = line.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                line = line.dropLast()
            }
            if let label = Self.label(of: line, marker: "BEGIN") {
                if var open = current {
                    open.isClosed = false
                    blocks.append(open)
                }
                current = Block(label: label, isClosed: false, isBase64: true, hasEncryptionHeader: false)
                inHeaders = true
                continue
            }
            guard var block = current else { continue }
            if let label = Self.label(of: line, marker: "END") {
                block.isClosed = label == block.label
                blocks.append(block)
                current = nil
                continue
            }
            if line.isEmpty {
                inHeaders = false
            } else if inHeaders, let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                let name = String(decoding: line[..<colon], as: UTF8.self)
                if name == "Proc-Type", line[colon...].contains(subsequence: Array("ENCRYPTED".utf8)) {
                    block.hasEncryptionHeader = true
                }
            } else {
                inHeaders = false
                if !line.allSatisfy(Self.isBase64Byte) { block.isBase64 = false }
            }
            current = block
        }
        if let open = current { blocks.append(open) }
    }

    /// The label of a `-----BEGIN label-----` or `-----END label-----` line.
    private static func label(of line: ArraySlice<UInt8>, marker: String) -> String? {
        let prefix = Array("-----\(marker) ".utf8)
        let suffix = Array("-----".utf8)
        guard line.count > prefix.count + suffix.count, line.starts(with: prefix),
              line.suffix(suffix.count).elementsEqual(suffix)
        else { return nil }
        return String(decoding: line.dropFirst(prefix.count).dropLast(suffix.count), as: UTF8.self)
    }

    private static func isBase64Byte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            true
        default:
            false
        }
    }
}

extension Collection where Element == UInt8 {
    /// Whether `needle` occurs in the collection.
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return needle.isEmpty }
        var index = startIndex
        while distance(from: index, to: endIndex) >= needle.count {
            if self[index...].starts(with: needle) { return true }
            index = self.index(after: index)
        }
        return false
    }
}
