using System.IO.Compression;
using System.Text;
using System.Xml;

namespace MtaAudit.Render;

/// <summary>A spreadsheet cell: text or a number, with a style (0 plain, 1 heading, 2 wrapped text, 3 title).</summary>
public readonly record struct XCell(string? Text, double? Number = null, int Style = 2)
{
    public static implicit operator XCell(string? s) => new(s);
    public static XCell Num(double n, int style = 2) => new(null, n, style);
    public static XCell Head(string s) => new(s, null, 1);
    public static XCell Title(string s) => new(s, null, 3);
}

/// <summary>
/// How a sheet prints: A4 landscape, one page wide, with this header and footer (SpreadsheetML codes:
/// &amp;L &amp;C &amp;R sections, &amp;P page, &amp;N pages; a literal ampersand doubled, see <see cref="XlsxWriter.HeaderText"/>),
/// and the first row repeated on every page when <paramref name="RepeatFirstRow"/>.
/// </summary>
public sealed record PrintSetup(string Header, string Footer, bool RepeatFirstRow = false);

/// <summary>
/// A minimal streaming .xlsx (Office Open XML SpreadsheetML) writer: the parts are written with
/// <see cref="ZipArchive"/> and <see cref="XmlWriter"/>, strings inline (no shared string table, so
/// nothing is held per row). One sheet is open at a time; rows go straight into the zip entry.
/// Written by hand because the .xlsx libraries at hand rely on reflection or System.Drawing and do
/// not build warning-free under Native AOT (DEVELOPERS.md).
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = new();
    private XmlWriter? _x;
    private Stream? _entry;
    private int _row;
    private int _maxCol;
    private bool _autoFilter;
    private double[] _widths = [];
    private PrintSetup? _print;
    private readonly HashSet<int> _printTitles = new();

    public XlsxWriter(Stream output) => _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);

    /// <summary>Opens a sheet; <paramref name="widths"/> are column widths in characters. Returns its number (1-based).</summary>
    public int BeginSheet(string name, double[] widths, bool freezeFirstRow = false, bool autoFilter = false, PrintSetup? print = null)
    {
        if (_x is not null) throw new InvalidOperationException("a sheet is already open");
        _sheets.Add(name);
        _entry = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml", CompressionLevel.Fastest).Open();
        _x = Xml(_entry);
        _row = 0;
        _maxCol = 0;
        _autoFilter = autoFilter;
        _widths = widths;
        _print = print;
        if (print is { RepeatFirstRow: true }) _printTitles.Add(_sheets.Count);
        _x.WriteStartElement("worksheet", Main);
        // Scale to the paper's width (pageSetup's fitToWidth only counts with this flag).
        _x.WriteStartElement("sheetPr");
        _x.WriteStartElement("pageSetUpPr");
        _x.WriteAttributeString("fitToPage", "1");
        _x.WriteEndElement();
        _x.WriteEndElement();
        if (freezeFirstRow)
        {
            _x.WriteStartElement("sheetViews");
            _x.WriteStartElement("sheetView");
            _x.WriteAttributeString("workbookViewId", "0");
            _x.WriteStartElement("pane");
            _x.WriteAttributeString("ySplit", "1");
            _x.WriteAttributeString("topLeftCell", "A2");
            _x.WriteAttributeString("activePane", "bottomLeft");
            _x.WriteAttributeString("state", "frozen");
            _x.WriteEndElement();
            _x.WriteEndElement();
            _x.WriteEndElement();
        }
        _x.WriteStartElement("cols");
        for (int i = 0; i < widths.Length; i++)
        {
            _x.WriteStartElement("col");
            _x.WriteAttributeString("min", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            _x.WriteAttributeString("max", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            _x.WriteAttributeString("width", widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            _x.WriteAttributeString("customWidth", "1");
            _x.WriteEndElement();
        }
        _x.WriteEndElement();
        _x.WriteStartElement("sheetData");
        return _sheets.Count;
    }

    public void Row(params XCell[] cells)
    {
        var x = _x ?? throw new InvalidOperationException("no sheet is open");
        _row++;
        _maxCol = Math.Max(_maxCol, cells.Length);
        x.WriteStartElement("row");
        x.WriteAttributeString("r", N(_row));
        // Spreadsheet programs do not grow a row to its wrapped text on opening (LibreOffice shows and
        // prints one line of it): the height is written, from the line count of the fullest cell.
        if (RowHeight(cells) is { } height)
        {
            x.WriteAttributeString("ht", height.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
            x.WriteAttributeString("customHeight", "1");
        }
        for (int i = 0; i < cells.Length; i++)
        {
            var c = cells[i];
            if (c.Text is null && c.Number is null) continue;
            x.WriteStartElement("c");
            x.WriteAttributeString("r", Column(i) + N(_row));
            if (c.Style != 0) x.WriteAttributeString("s", N(c.Style));
            if (c.Number is { } n)
            {
                x.WriteElementString("v", n.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                x.WriteAttributeString("t", "inlineStr");
                x.WriteStartElement("is");
                x.WriteStartElement("t");
                x.WriteAttributeString("xml", "space", null, "preserve");
                x.WriteString(XmlSafe(CellText.Safe(c.Text)));
                x.WriteEndElement();
                x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }

    public void EndSheet()
    {
        var x = _x ?? throw new InvalidOperationException("no sheet is open");
        x.WriteEndElement(); // sheetData
        if (_autoFilter && _row > 0)
        {
            x.WriteStartElement("autoFilter");
            x.WriteAttributeString("ref", $"A1:{Column(Math.Max(0, _maxCol - 1))}{N(_row)}");
            x.WriteEndElement();
        }
        x.WriteStartElement("pageMargins");
        foreach (var (k, v) in new[] { ("left", "0.4"), ("right", "0.4"), ("top", "0.5"), ("bottom", "0.5"), ("header", "0.3"), ("footer", "0.3") })
            x.WriteAttributeString(k, v);
        x.WriteEndElement();
        x.WriteStartElement("pageSetup");
        x.WriteAttributeString("paperSize", "9"); // A4
        x.WriteAttributeString("orientation", "landscape");
        x.WriteAttributeString("fitToWidth", "1");
        x.WriteAttributeString("fitToHeight", "0");
        x.WriteEndElement();
        if (_print is { } print)
        {
            x.WriteStartElement("headerFooter");
            x.WriteElementString("oddHeader", XmlSafe(print.Header));
            x.WriteElementString("oddFooter", XmlSafe(print.Footer));
            x.WriteEndElement();
        }
        x.WriteEndElement(); // worksheet
        x.Dispose();
        _entry!.Dispose();
        _x = null;
        _entry = null;
    }

    /// <summary>Writes the workbook parts, listing the sheets in <paramref name="order"/> (1-based numbers; default as written).</summary>
    public void Finish(int[]? order = null)
    {
        if (_x is not null) EndSheet();
        order ??= Enumerable.Range(1, _sheets.Count).ToArray();
        Part("[Content_Types].xml", x =>
        {
            x.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            Default(x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(x, "xml", "application/xml");
            Override(x, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(x, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (int i = 1; i <= _sheets.Count; i++)
                Override(x, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            x.WriteEndElement();
        });
        Part("_rels/.rels", x =>
        {
            x.WriteStartElement("Relationships", "http://schemas.openxmlformats.org/package/2006/relationships");
            Rel(x, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
            x.WriteEndElement();
        });
        Part("xl/_rels/workbook.xml.rels", x =>
        {
            x.WriteStartElement("Relationships", "http://schemas.openxmlformats.org/package/2006/relationships");
            for (int i = 1; i <= _sheets.Count; i++)
                Rel(x, "rId" + N(i), "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i}.xml");
            Rel(x, "rId" + N(_sheets.Count + 1), "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
            x.WriteEndElement();
        });
        Part("xl/workbook.xml", x =>
        {
            x.WriteStartElement("workbook", Main);
            x.WriteAttributeString("xmlns", "r", null, RelNs);
            x.WriteStartElement("sheets");
            foreach (var i in order)
            {
                x.WriteStartElement("sheet");
                x.WriteAttributeString("name", SheetName(_sheets[i - 1]));
                x.WriteAttributeString("sheetId", N(i));
                x.WriteAttributeString("id", RelNs, "rId" + N(i));
                x.WriteEndElement();
            }
            x.WriteEndElement();
            // The heading row repeated on every printed page of the sheets that asked for it.
            if (_printTitles.Count > 0)
            {
                x.WriteStartElement("definedNames");
                for (int pos = 0; pos < order.Length; pos++)
                {
                    if (!_printTitles.Contains(order[pos])) continue;
                    x.WriteStartElement("definedName");
                    x.WriteAttributeString("name", "_xlnm.Print_Titles");
                    x.WriteAttributeString("localSheetId", N(pos));
                    x.WriteString("'" + SheetName(_sheets[order[pos] - 1]).Replace("'", "''", StringComparison.Ordinal) + "'!$1:$1");
                    x.WriteEndElement();
                }
                x.WriteEndElement();
            }
            x.WriteEndElement();
        });
        Part("xl/styles.xml", x => x.WriteRaw(Styles));
        _zip.Dispose();
    }

    private void Part(string name, Action<XmlWriter> write)
    {
        using var s = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var x = Xml(s);
        write(x);
    }

    private static XmlWriter Xml(Stream s) => XmlWriter.Create(s, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });

    private static void Default(XmlWriter x, string ext, string type)
    {
        x.WriteStartElement("Default");
        x.WriteAttributeString("Extension", ext);
        x.WriteAttributeString("ContentType", type);
        x.WriteEndElement();
    }

    private static void Override(XmlWriter x, string part, string type)
    {
        x.WriteStartElement("Override");
        x.WriteAttributeString("PartName", part);
        x.WriteAttributeString("ContentType", type);
        x.WriteEndElement();
    }

    private static void Rel(XmlWriter x, string id, string type, string target)
    {
        x.WriteStartElement("Relationship");
        x.WriteAttributeString("Id", id);
        x.WriteAttributeString("Type", type);
        x.WriteAttributeString("Target", target);
        x.WriteEndElement();
    }

    /// <summary>Excel's sheet name rules: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string s)
    {
        var clean = new string(s.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>Characters XML 1.0 cannot hold (lone surrogates, U+FFFE/U+FFFF) become U+FFFD.</summary>
    private static string XmlSafe(string s)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool ok;
            if (char.IsHighSurrogate(c)) ok = i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            else if (char.IsLowSurrogate(c)) ok = i > 0 && char.IsHighSurrogate(s[i - 1]);
            else ok = XmlConvert.IsXmlChar(c);
            if (!ok) { sb ??= new StringBuilder(s, 0, i, s.Length); sb.Append('\uFFFD'); }
            else sb?.Append(c);
        }
        return sb?.ToString() ?? s;
    }

    /// <summary>Text for a header or footer section: a literal ampersand is written twice, control characters dropped.</summary>
    public static string HeaderText(string? s) =>
        new string(CellText.Safe(s).Where(c => !char.IsControl(c)).ToArray()).Replace("&", "&&", StringComparison.Ordinal);

    /// <summary>Points per line of the 10-point font (CJK fonts set lines about 1.4 em apart), and the cell's padding.</summary>
    private const double LinePoints = 14, PaddingPoints = 4;

    /// <summary>
    /// The height that shows every line of the row's wrapped cells, or null for a one-line row (the default
    /// height). A line wraps at the column's width in characters; a CJK character takes about 1.8
    /// (measured in LibreOffice's PDF; Excel's Malgun Gothic is a little wider, so the estimate errs high).
    /// </summary>
    private double? RowHeight(XCell[] cells)
    {
        int lines = 1;
        for (int i = 0; i < cells.Length && i < _widths.Length; i++)
            if (cells[i].Text is { Length: > 0 } text && cells[i].Style is 1 or 2)
                lines = Math.Max(lines, LineCount(text, _widths[i]));
        return lines == 1 ? null : lines * LinePoints + PaddingPoints;
    }

    /// <summary>The lines a text takes in a wrapped cell <paramref name="width"/> characters wide (word wrap loses some of each line).</summary>
    internal static int LineCount(string text, double width)
    {
        double perLine = Math.Max(1, (width - 1) * 0.95);
        int lines = 0;
        foreach (var line in text.Split('\n'))
        {
            double units = 0;
            foreach (var c in line) units += TextSink.IsWide(c) ? 1.8 : 1;
            lines += Math.Max(1, (int)Math.Ceiling(units / perLine));
        }
        return lines;
    }

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static string Column(int i)
    {
        var s = "";
        for (i++; i > 0; i = (i - 1) / 26) s = (char)('A' + (i - 1) % 26) + s;
        return s;
    }

    private const string Styles =
        """<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""
        + """<fonts count="3"><font><sz val="10"/><name val="Malgun Gothic"/></font><font><b/><sz val="10"/><name val="Malgun Gothic"/></font><font><b/><sz val="14"/><name val="Malgun Gothic"/></font></fonts>"""
        + """<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>"""
        + """<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>"""
        + """<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"""
        + """<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"""
        + """<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"""
        + """<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"""
        + """<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"""
        + """<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";

    public void Dispose()
    {
        _x?.Dispose();
        _entry?.Dispose();
        _zip.Dispose();
    }
}
