import Foundation

/// Standard output (reports only) and standard error (everything else).
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// Lines for standard error, written 64 KiB at a time: a log of a million bad
/// lines should not cost a million system calls.
struct BufferedStandardError {
    private var buffer = Data()

    mutating func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardError.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
