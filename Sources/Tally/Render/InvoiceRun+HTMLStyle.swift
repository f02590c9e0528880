extension InvoiceRun {
    /// The inline style sheet of ``html()``: system fonts only, no URL. On
    /// paper each invoice starts a page (`break-before`), the content is 180 mm
    /// wide so it fits A4 and Letter alike, an application's lines stay on
    /// one page when they fit, a row is never split, the column headings (with
    /// the invoice number) repeat on a continued page and the total does not;
    /// colours print as shown.
    static let htmlStyle = """
        @page { margin: 14mm 15mm; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; padding: 0 4mm; background: #ffffff; color: #1b1f24;
          font: 10pt/1.45 "Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif; }
        .page { box-sizing: border-box; max-width: 180mm; margin: 0 auto; padding: 8mm 0 4mm; }
        .page + .page { break-before: page; page-break-before: always; }
        .head { display: flex; justify-content: space-between; align-items: center; gap: 6mm;
          border-bottom: 2px solid #1b1f24; padding-bottom: 3mm; }
        h1 { font-size: 17pt; font-weight: 600; margin: 0; }
        h1 .number { font-weight: 700; overflow-wrap: anywhere; }
        h2 { font-size: 11pt; margin: 6mm 0 2mm; }
        h3 { font-size: 10pt; margin: 4mm 0 1mm; }
        .badge { margin: 0; padding: 1mm 3mm; border: 1.5px solid; border-radius: 1.5mm; white-space: nowrap;
          font-size: 9pt; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; }
        .badge.final { color: #1d6b3a; border-color: #1d6b3a; }
        .badge.held { color: #ffffff; background: #b3261e; border-color: #b3261e; }
        .held-banner { margin: 4mm 0 0; padding: 3mm 4mm; border: 2px solid #b3261e; border-radius: 1.5mm;
          background: #fdecea; color: #7a1a14; }
        .invoice.held { border-left: 3mm solid #b3261e; padding-left: 4mm; }
        .credit-banner { margin: 4mm 0 0; padding: 3mm 4mm; border: 2px solid #1d6b3a; border-radius: 1.5mm;
          background: #e8f5ec; color: #14502b; }
        table { border-collapse: collapse; }
        table.facts { margin: 4mm 0 6mm; }
        table.facts th { text-align: left; font-weight: 600; color: #57606a; padding: 0.4mm 8mm 0.4mm 0; }
        table.facts td { padding: 0.4mm 0; }
        table.lines { width: 100%; font-size: 8.8pt; }
        table.lines thead th { text-align: left; font-weight: 600; border-bottom: 1.5px solid #1b1f24; padding: 1.5mm 1.2mm; }
        table.lines td { padding: 1.2mm 1.2mm; border-bottom: 1px solid #e1e4e8; vertical-align: top; }
        table.lines tr.group th { text-align: left; font-weight: 700; padding: 3.5mm 1.5mm 1mm; }
        table.lines tr.note td { color: #57606a; font-style: italic; padding-top: 0; }
        table.lines tr.empty td { color: #57606a; font-style: italic; }
        table.lines tbody.adjustments tr.group th { border-top: 1px dashed #8c959f; }
        table.lines tfoot tr.credit td { border-top: none; color: #14502b; font-size: 10pt; text-align: right; }
        table.lines tfoot th { text-align: right; border-top: 2px solid #1b1f24; padding: 2mm 1.5mm; }
        table.lines tfoot td { border-top: 2px solid #1b1f24; border-bottom: none; padding: 2mm 1.5mm;
          font-weight: 700; font-size: 10.5pt; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        table.lines thead th.num { text-align: right; white-space: normal; }
        .name { overflow-wrap: anywhere; }
        .subject { display: block; font-weight: 600; }
        .detail { display: block; color: #57606a; font-size: 8pt; white-space: nowrap; }
        .usage span { display: block; white-space: nowrap; font-size: 8pt; }
        .line-id { display: block; white-space: nowrap; font: 7pt "DejaVu Sans Mono", Menlo, Consolas, monospace; color: #8c959f; }
        thead { display: table-header-group; }
        tfoot { display: table-row-group; }
        tbody, tr { break-inside: avoid; page-break-inside: avoid; }
        table.lines thead tr.running th { font-weight: 400; font-size: 7.5pt; color: #8c959f; border-bottom: none;
          padding: 0 1.2mm; text-align: right; }
        .rejections { padding-left: 5mm; font: 8pt "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
        footer { margin-top: 6mm; padding-top: 2mm; border-top: 1px solid #e1e4e8; color: #57606a; font-size: 8pt; }
        @media screen { .page + .page { border-top: 1px dashed #8c959f; margin-top: 10mm; } }
        """
}
