import Testing
@testable import Tally

/// The hash behind interning, the id registry and value fingerprints: short
/// inputs must not collide (a one-character difference decides whether a
/// repeated id is an exact or a conflicting duplicate).
@Suite("ByteHash and fingerprints tell short values apart")
struct ByteHashTests {
    @Test("every string of up to two bytes hashes differently, under every tag")
    func shortStrings() {
        for seed in [ValueFingerprint.stringTag, ValueFingerprint.numberTag, ValueFingerprint.objectTag, 0, 1] {
            var seen = Set<UInt64>()
            var count = 0
            var empty: [UInt8] = []
            seen.insert(empty.withUnsafeBytes { ByteHash.hash($0, seed: seed) })
            count += 1
            for first in 0...255 {
                let one = [UInt8(first)]
                seen.insert(one.withUnsafeBytes { ByteHash.hash($0, seed: seed) })
                count += 1
                for second in stride(from: 0, through: 255, by: 5) {
                    let two = [UInt8(first), UInt8(second)]
                    seen.insert(two.withUnsafeBytes { ByteHash.hash($0, seed: seed) })
                    count += 1
                }
            }
            empty.removeAll()
            #expect(seen.count == count, "seed \(seed)")
        }
    }

    @Test("objects differing in one one-character value have different fingerprints", arguments: [
        (#"{"a":"x"}"#, #"{"a":"y"}"#), (#"{"a":"x","b":1}"#, #"{"a":"y","b":1}"#), (#"{"a":1}"#, #"{"a":2}"#),
        (#"{"a":"x"}"#, #"{"b":"x"}"#), (#"{"a":""}"#, #"{"a":"\u0000"}"#), (#"{"a":true}"#, #"{"a":false}"#),
    ])
    func fingerprints(left: String, right: String) throws {
        let a = try #require(EventReader.fingerprint(of: Array(left.utf8)))
        let b = try #require(EventReader.fingerprint(of: Array(right.utf8)))
        #expect(a != b)
    }

    @Test("a repeated id whose only difference is a one-character value is a conflicting duplicate")
    func oneCharacterConflict() throws {
        var log = LogBuilder()
        log.createApp("x", at: "2026-10-01T00:00:00Z")
        log.createApp("y", at: "2026-10-01T00:00:00Z")
        log.add("application.destroyed", at: "2026-10-10T00:00:00Z", id: "r", ["app": "x"])
        log.add("application.destroyed", at: "2026-10-10T00:00:00Z", id: "r", ["app": "y"])
        let (run, rejections) = try Fixtures.runCollecting([log.input()])
        #expect(rejections.map(\.reason) == [.conflictingDuplicate(first: SourceLocation(file: "test.jsonl", line: 3))])
        #expect(run.events == EventCounts(lines: 4, applied: 3, duplicates: 0, rejected: 1))
    }
}
