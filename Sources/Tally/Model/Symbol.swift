/// An interned name: a small integer handle into a ``SymbolTable``, typed by
/// the same ``NameKind`` as ``Name`` so an application can't be used as an
/// account. The hot path of the month-end run works on symbols, not strings.
struct Symbol<Kind: NameKind>: Hashable, Sendable {
    let index: Int32

    /// The symbol that stands for "no value" (a field the event doesn't have).
    static var none: Symbol { Symbol(index: -1) }

    var isNone: Bool { index < 0 }
}

/// The names seen in a run, each stored once. Symbols index into it.
struct SymbolTable: Sendable {
    private var indexByText: [String: Int32] = [:]
    private var texts: [String] = []

    /// The symbol for `text`, adding it when new. `text` must already follow
    /// `Kind`'s rule.
    mutating func intern<Kind>(_ text: String, as kind: Kind.Type = Kind.self) -> Symbol<Kind> {
        if let index = indexByText[text] { return Symbol(index: index) }
        let index = Int32(texts.count)
        texts.append(text)
        indexByText[text] = index
        return Symbol(index: index)
    }

    /// The symbol for `text` when it was interned, else `nil`.
    func lookUp<Kind>(_ text: String, as kind: Kind.Type = Kind.self) -> Symbol<Kind>? {
        indexByText[text].map { Symbol(index: $0) }
    }

    /// The name a symbol stands for.
    func name<Kind>(_ symbol: Symbol<Kind>) -> Name<Kind> {
        Name(unchecked: texts[Int(symbol.index)])
    }

    /// The text a symbol stands for.
    func text<Kind>(_ symbol: Symbol<Kind>) -> String {
        texts[Int(symbol.index)]
    }
}
