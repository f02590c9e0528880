/// A set of ``FastHashable`` keys: a ``FastDictionary`` without values, for
/// the replay's indexes (an account's applications, an application's SSL
/// edges). Iteration order depends only on what was inserted and removed.
struct FastSet<Element: FastHashable>: Sequence {
    private var members = FastDictionary<Element, Bool>()

    var count: Int { members.count }
    var isEmpty: Bool { members.isEmpty }

    func contains(_ element: Element) -> Bool { members[element] != nil }

    mutating func insert(_ element: Element) { members[element] = true }

    mutating func remove(_ element: Element) { members.removeValue(forKey: element) }

    func makeIterator() -> IndexingIterator<[Element]> { members.keysInOrder.makeIterator() }
}

extension FastSet: Sendable where Element: Sendable {}
