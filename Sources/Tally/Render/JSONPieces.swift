/// A JSON document written part by part through ``JSONOutput`` and handed
/// on in pieces, so that it is never held whole (a close writes the month's
/// document to the books this way).
struct JSONPieces {
    /// Bytes written and not yet handed on.
    private var buffer: [UInt8] = []
    private var used = 0
    private var depth = 0
    private let pieceSize: Int
    private let send: ([UInt8]) -> Void

    /// Pieces of at least `pieceSize` bytes (the last may be shorter), handed to `send`.
    init(pieceSize: Int, send: @escaping ([UInt8]) -> Void) {
        self.pieceSize = max(pieceSize, 1)
        self.send = send
    }

    /// Writes one part of at most `bound` bytes with `body`. A part that
    /// does not fit after all (a bound too small) is written again with
    /// twice the room: nothing of it has been handed on yet.
    mutating func write(bound: Int, _ body: (inout JSONOutput) -> Void) {
        var room = max(bound, 64)
        while true {
            if buffer.count - used < room {
                if used >= pieceSize { flush() }
                if buffer.count - used < room { buffer += repeatElement(0, count: room - (buffer.count - used)) }
            }
            let (start, startDepth) = (used, depth)
            let outcome = buffer.withUnsafeMutableBufferPointer { whole in
                var output = JSONOutput(UnsafeMutableBufferPointer(rebasing: whole[start...]), depth: startDepth)
                body(&output)
                return (output.overflowed, output.count, output.depth)
            }
            if !outcome.0 {
                used += outcome.1
                depth = outcome.2
                if used >= pieceSize { flush() }
                return
            }
            room *= 2
        }
    }

    /// Hands on what is left.
    mutating func finish() {
        if used > 0 { flush() }
    }

    private mutating func flush() {
        send(Array(buffer[..<used]))
        used = 0
    }
}
