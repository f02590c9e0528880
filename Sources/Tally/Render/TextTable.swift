/// A plain-text table whose columns fit their longest cell, for every text
/// report. Cells are printable ASCII (names follow SPEC §2's rules), so
/// character counts are column widths.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment
    }

    enum Row {
        case cells([String])
        /// Text across the table, indented by `indent` spaces.
        case note(String, indent: Int)
        /// A line of dashes under the columns from `fromColumn` on.
        case rule(fromColumn: Int)
    }

    var columns: [Column]
    var rows: [Row] = []
    /// Spaces between columns.
    var gap = 2
    /// Spaces before the first column.
    var indent = 0

    init(_ columns: [Column], indent: Int = 0) {
        self.columns = columns
        self.indent = indent
    }

    mutating func add(_ cells: [String]) { rows.append(.cells(cells)) }
    mutating func note(_ text: String, indent: Int = 0) { rows.append(.note(text, indent: indent)) }
    mutating func rule(fromColumn: Int = 0) { rows.append(.rule(fromColumn: fromColumn)) }

    /// Column widths: the longest of title and cells.
    var widths: [Int] {
        var widths = columns.map(\.title.count)
        for case let .cells(cells) in rows {
            for (index, cell) in cells.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return widths
    }

    /// The table with a header row, each line ending in `\n`, no trailing spaces.
    func rendered(header: Bool = true) -> String {
        let widths = self.widths
        let margin = String(repeating: " ", count: indent)
        func line(_ cells: [String]) -> String {
            var text = margin
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                if index > 0 { text += String(repeating: " ", count: gap) }
                text += column.alignment == .left ? cell + padding : padding + cell
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        var output = header ? line(columns.map(\.title)) : ""
        for row in rows {
            switch row {
            case let .cells(cells):
                output += line(cells)
            case let .note(text, noteIndent):
                output += margin + String(repeating: " ", count: noteIndent) + text + "\n"
            case let .rule(fromColumn):
                let start = widths.prefix(fromColumn).reduce(0) { $0 + $1 + gap }
                let length = widths.dropFirst(fromColumn).reduce(0) { $0 + $1 + gap } - gap
                output += margin + String(repeating: " ", count: start) + String(repeating: "-", count: max(length, 0)) + "\n"
            }
        }
        return output
    }
}
