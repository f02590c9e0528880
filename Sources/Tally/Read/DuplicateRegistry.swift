/// Remembers every event `id` that passed the field rules (SPEC §2.1), so that
/// a later line with the same id is a duplicate (equal as a value: counted,
/// ignored) or a conflicting duplicate (rejected; the earlier one stands).
///
/// Ids are kept as 64-bit hashes. An id's first line is remembered too, as a
/// ``LineLocation``, so the reader can read it again to confirm the id and
/// compare the two objects; nothing of the line's content is kept.
///
/// Memory (README, "Performance"): remembering the first line costs about 40
/// bytes an id. When the log is read in time order (`.streaming`), after
/// ``locatedLimit`` ids (half a million) the registry keeps only the 8-byte
/// hashes (``IDHashSet``) plus the first lines of the most recent
/// ``recentLimit`` ids, where a retry usually is. A hash seen among older ids
/// is a duplicate whose kind is settled after the read
/// (``EventReader/settleDuplicates(_:)``), by one more pass over the inputs.
struct DuplicateRegistry: Sendable {
    enum Mode: Sendable {
        /// The log is read in time order and replayed as it is read.
        case streaming
        /// The whole log is held (unsorted): every id keeps its first line.
        case exact
    }

    enum Lookup: Equatable {
        /// No earlier line carried this hash; the id is now registered.
        case new
        /// Earlier lines carried this hash; confirm which (if any) had the
        /// same id, then ``register(_:time:location:)`` if none did.
        case earlier([LineLocation])
        /// An earlier line carried this hash, but where is no longer known.
        case earlierUnknown
    }

    /// Ids kept with their first line before a streaming registry keeps only hashes.
    static let locatedLimit = 500_000

    let mode: Mode
    /// Ids kept with their first line before a streaming registry keeps only hashes.
    let locatedLimit: Int
    private var firstEntry = HashIndexMap()
    private var entries: [(location: LineLocation, next: Int32)] = []
    private var hashes = IDHashSet()
    private var compact = false
    /// The most recent ids' first lines, by hash, oldest first in `recentOrder`.
    private var recent = FastDictionary<IDHash, LineLocation>(capacity: 2 * recentLimit)
    private var recentOrder = [UInt64](repeating: 0, count: recentLimit)
    private var recentCount = 0

    /// Ids kept with their first line once a streaming registry keeps only hashes.
    static let recentLimit = 16_384

    /// About how many ids the log holds, when known, to size the hash set once.
    var expectedIDs: Int?

    init(mode: Mode, locatedLimit: Int = DuplicateRegistry.locatedLimit) {
        self.mode = mode
        self.locatedLimit = locatedLimit
    }

    /// Looks up the id whose hash is `hash`, read at `location`;
    /// registers it when no earlier line had the hash.
    mutating func lookUp(_ hash: UInt64, location: LineLocation) -> Lookup {
        if mode == .streaming, !compact, entries.count >= locatedLimit { switchToHashes() }
        if compact {
            if hashes.insert(hash) {
                remember(hash, location)
                return .new
            }
            if let earlier = recent[IDHash(value: hash)] { return .earlier([earlier]) }
            return .earlierUnknown
        }
        guard var index = firstEntry.value(for: hash) else {
            firstEntry.set(Int32(entries.count), for: hash)
            entries.append((location, -1))
            return .new
        }
        var earlier: [LineLocation] = []
        while index >= 0 {
            earlier.append(entries[Int(index)].location)
            index = entries[Int(index)].next
        }
        return .earlier(earlier)
    }

    /// The first lines of the ids of hash `hash` registered so far, without
    /// registering it; `nil` when, keeping only hashes, the hash was seen but
    /// where is no longer known.
    func firstLines(of hash: UInt64) -> [LineLocation]? {
        if compact {
            guard hashes.contains(hash) else { return [] }
            return recent[IDHash(value: hash)].map { [$0] }
        }
        var found: [LineLocation] = []
        var index = firstEntry.value(for: hash) ?? -1
        while index >= 0 {
            found.append(entries[Int(index)].location)
            index = entries[Int(index)].next
        }
        return found
    }

    /// Registers an id whose hash earlier lines carried but whose id none had
    /// (when every id is located; with hashes only, see ``keepsHashesOnly``).
    mutating func register(_ hash: UInt64, location: LineLocation) {
        if compact {
            remember(hash, location)
            return
        }
        let index = Int32(entries.count)
        entries.append((location, firstEntry.value(for: hash) ?? -1))
        firstEntry.set(index, for: hash)
    }

    /// Whether only hashes are kept now, so an id's first line may be unknown.
    var keepsHashesOnly: Bool { compact }

    /// Keeps `hash`'s first line among the recent ids, forgetting the oldest.
    private mutating func remember(_ hash: UInt64, _ location: LineLocation) {
        let slot = recentCount % Self.recentLimit
        if recentCount >= Self.recentLimit { recent.removeValue(forKey: IDHash(value: recentOrder[slot])) }
        recentOrder[slot] = hash
        recentCount += 1
        recent.insertIfAbsent(location, for: IDHash(value: hash))
    }

    /// Keeps only hashes from now on.
    private mutating func switchToHashes() {
        entries = []
        if let expectedIDs { hashes.reserve(expectedIDs) }
        firstEntry.forEachKey { _ = hashes.insert($0) }
        firstEntry = HashIndexMap()
        compact = true
    }
}

/// An id's 64-bit hash as a key; already well mixed, so it is its own hash.
struct IDHash: FastHashable, Sendable {
    var value: UInt64
    var fastHash: UInt64 { value }
}
