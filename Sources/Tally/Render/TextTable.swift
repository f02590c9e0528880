/// A plain-text table whose columns fit their longest cell, for every text
/// report. Cells are printable ASCII (names follow SPEC §2's rules) or the
/// usage chart's one-column characters, so character counts are widths.
///
/// A table wider than ``ReportText/width`` is stacked instead: each row
/// becomes its first cell on a line of its own, then one line per other cell
/// with the column's title, so nothing is cut. Notes are wrapped at spaces.
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
        /// An empty line, between groups of rows.
        case blank
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
    mutating func blank() { rows.append(.blank) }

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

    /// The table with a header row, each line ending in `\n`, no trailing
    /// spaces; stacked when a row would be wider than `maximumWidth`.
    func rendered(header: Bool = true, maximumWidth: Int = ReportText.width) -> String {
        let widths = self.widths
        let tableWidth = indent + widths.reduce(0, +) + gap * max(widths.count - 1, 0)
        return tableWidth > maximumWidth ? stacked(maximumWidth) : table(header: header, widths: widths, maximumWidth)
    }

    private var margin: String { String(repeating: " ", count: indent) }

    private func table(header: Bool, widths: [Int], _ maximumWidth: Int) -> String {
        let margin = self.margin
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
                output += ReportText.wrapped(text, indent: indent + noteIndent, width: maximumWidth)
            case let .rule(fromColumn):
                let start = widths.prefix(fromColumn).reduce(0) { $0 + $1 + gap }
                let length = widths.dropFirst(fromColumn).reduce(0) { $0 + $1 + gap } - gap
                output += margin + String(repeating: " ", count: start) + String(repeating: "-", count: max(length, 0)) + "\n"
            case .blank:
                output += "\n"
            }
        }
        return output
    }

    /// Each row as its first non-empty cell, then a line per other non-empty
    /// cell: the column's title and the cell. Rules are left out.
    private func stacked(_ maximumWidth: Int) -> String {
        let titles = columns.map { $0.title.trimmingSpaces }
        // The first column is the rows' label, so its title is never shown.
        let titleWidth = titles.dropFirst().map(\.count).max() ?? 0
        var output = ""
        for row in rows {
            switch row {
            case let .cells(cells):
                let filled = cells.indices.filter { $0 < columns.count && !cells[$0].trimmingSpaces.isEmpty }
                guard let first = filled.first else { continue }
                let label = cells[first]
                let labelIndent = indent + label.prefix { $0 == " " }.count
                output += ReportText.wrapped(label.trimmingSpaces, indent: labelIndent, width: maximumWidth)
                for index in filled.dropFirst() {
                    let title = titles[index]
                    let prefix = title.isEmpty ? "" : title + String(repeating: " ", count: titleWidth - title.count + 2)
                    output += ReportText.wrapped(cells[index].trimmingSpaces, indent: labelIndent + 2, prefix: prefix,
                                                 hangingIndent: prefix.count, width: maximumWidth)
                }
            case let .note(text, noteIndent):
                output += ReportText.wrapped(text, indent: indent + noteIndent, width: maximumWidth)
            case .blank:
                output += "\n"
            case .rule:
                continue
            }
        }
        return output
    }
}

extension String {
    /// The text without spaces at either end.
    var trimmingSpaces: String {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map(index(after:)) ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
