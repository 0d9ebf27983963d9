using System.Diagnostics;
using System.Globalization;
using System.Text;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Features.Imports;
using TeamsCrm.Bot.Workbooks;
using TeamsCrm.FakeGraph;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/TeamsCrm.Benchmarks -- import [--customers 10000] [--latency 20]</c>: a ledger
/// workbook of that many customers (each with a first contact on its row, two more on a contacts sheet: three contacts a
/// customer) and five entries a customer on a repayments sheet, imported through the <c>import</c> command (the admin's
/// first load) into SharePoint (the real Graph SDK against the fake Graph on loopback, every HTTP round trip delayed by the
/// latency) and into SQLite, side by side: dry run and apply, seconds, Graph round trips, peak memory growth. Then the
/// same file again, which must import nothing. Reported, not judged; the exit code is 1 when a count is wrong.
/// </summary>
public static class ImportBenchmark
{
    const string Site = "contoso.sharepoint.com,6f6e27a8-6d54-4f0a-9a1e-0b4c1d0e6c11,9b2c4d1e-3f5a-4b6c-8d7e-1f2a3b4c5d6e";
    static readonly string[] Owners = ["Li Na", "Tom Becker"];

    sealed record Row(string Store, string Step, double Seconds, long? RoundTrips, MemorySampler Memory, int Code, string Summary);

    public static async Task<int> RunAsync(string[] args)
    {
        var customers = int.Parse(Value(args, "--customers") ?? "10000", CultureInfo.InvariantCulture);
        var latency = int.Parse(Value(args, "--latency") ?? "20", CultureInfo.InvariantCulture);
        var work = Path.Combine(Path.GetTempPath(), "teamscrm-bench-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var rows = new List<Row>();
        try
        {
            var ledger = Path.Combine(work, "客户台账.xlsx");
            var written = Stopwatch.StartNew();
            WriteLedger(ledger, customers);
            Console.Error.WriteLine($"Ledger: {customers:N0} customers, {customers * 3:N0} contacts, {customers * 5:N0} entries, {new FileInfo(ledger).Length / 1024.0 / 1024:0.0} MB, written in {written.Elapsed.TotalSeconds:0.0} s");

            await using var server = await FakeGraphServer.StartAsync(new FakeGraphOptions { ContentRoot = Path.Combine(work, "fake-sharepoint") });
            await new Provisioner(new SharePointSettings(Site, new Uri(server.BaseUrl)).Connect()).RunAsync();
            server.Latency = TimeSpan.FromMilliseconds(latency);
            string[] sharePoint = ["--Archive:Provider=SharePoint", $"--Archive:SharePoint:SiteId={Site}", $"--Archive:SharePoint:GraphBaseUrl={server.BaseUrl}"];
            string[] sqlite = ["--Archive:Provider=Sqlite", $"--Archive:Sqlite:Path={Path.Combine(work, "crm.db")}"];
            // Flat memory: the same dry run on a ledger a tenth the size, beside the full one (the workbook is streamed; what
            // grows with the file is only the within-file duplicate check's normal forms).
            var small = Path.Combine(work, "客户台账-small.xlsx");
            WriteLedger(small, Math.Max(1, customers / 10));
            rows.Add(await MeasureAsync("SQLite", Invariant($"dry run, {Math.Max(1, customers / 10):N0} customers"), null,
                [small, "--dry-run", .. sqlite, "--contentRoot", AppContext.BaseDirectory, "--Import:Language", "en"]));
            foreach (var (store, storeConfig, graph) in new[] { ("SQLite", sqlite, (FakeGraphServer?)null), ($"SharePoint (fake Graph, {latency} ms)", sharePoint, server) })
            {
                string[] config = [.. storeConfig, "--contentRoot", AppContext.BaseDirectory, "--Import:Language", "en"];
                rows.Add(await MeasureAsync(store, "dry run", graph, [ledger, "--dry-run", .. config]));
                rows.Add(await MeasureAsync(store, "apply", graph, [ledger, .. config]));
                rows.Add(await MeasureAsync(store, "apply again", graph, [ledger, .. config]));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
        Console.WriteLine(Table(rows, customers, latency));
        return rows.All(r => r.Code == 0) ? 0 : 1;
    }

    static async Task<Row> MeasureAsync(string store, string step, FakeGraphServer? server, string[] args)
    {
        var calls = server?.Counters.HttpCalls ?? 0;
        var output = new LastLines();
        var errors = new StringWriter();
        var started = Stopwatch.GetTimestamp();
        var memory = new MemorySampler();
        int code;
        // Rows printed one a line would be 90,000 lines: only the summary (the last lines) is kept.
        using (memory) code = await ImportCommand.RunAsync(args, output, errors);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var summary = (output.Text + " " + errors).Trim().ReplaceLineEndings(" ");
        Console.Error.WriteLine($"{store}, {step}: {seconds:0.0} s, exit {code}: {summary}");
        return new Row(store, step, seconds, server is null ? null : server.Counters.HttpCalls - calls, memory, code, summary);
    }

    /// <summary>Three sheets as a company's ledger holds them: customers with a first contact, more contacts, repayments.</summary>
    static void WriteLedger(string path, int customers)
    {
        using var file = File.Create(path);
        XlsxWriter.Write(file,
        [
            new XlsxSheet("客户台账", [new("客户名称"), new("客户类型"), new("行业"), new("地区"), new("电话"), new("业务员"), new("客户类别"),
                new("联系人"), new("职务"), new("手机")],
                Enumerable.Range(0, customers).Select(i => (IReadOnlyList<string>)[Name(i), "企业", "机械制造", "上海", Phone(i), Owners[i % 2], "老客户",
                    $"联系人{i}甲", "采购经理", Mobile(i, 0)])),
            new XlsxSheet("联系人", [new("客户名称"), new("姓名"), new("职务"), new("手机")],
                Enumerable.Range(0, customers).SelectMany(i => new[] { 1, 2 }.Select(k => (IReadOnlyList<string>)[Name(i), $"联系人{i}{(k == 1 ? "乙" : "丙")}", "工程师", Mobile(i, k)]))),
            new XlsxSheet("回款记录", [new("客户名称"), new("回款日期", CellKind.Date), new("回款金额（元）", CellKind.Money), new("凭证号")],
                Enumerable.Range(0, customers).SelectMany(i => Enumerable.Range(0, 5).Select(k =>
                    (IReadOnlyList<string>)[Name(i), new DateOnly(2025, k + 1, i % 28 + 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ((i % 50 + 1) * 1000 + k).ToString(CultureInfo.InvariantCulture), $"RC-{i:D6}-{k}"]))),
        ]);
    }

    static string Name(int i) => $"华东{i:D6}精密机械有限公司";
    static string Phone(int i) => $"021-6{i:D7}";
    static string Mobile(int i, int k) => $"13{k}{i:D8}";

    static string Table(IReadOnlyList<Row> rows, int customers, int latency)
    {
        var s = new StringBuilder();
        s.AppendLine(Invariant($"The import command on a ledger of {customers:N0} customers, {customers * 3:N0} contacts and {customers * 5:N0} repayments (.xlsx, three sheets): SQLite, and SharePoint through Graph SDK → fake Graph on loopback with {latency} ms added to every HTTP round trip."));
        s.AppendLine($"Machine: {ResultTable.Machine()}. Memory is the whole process (the importer, the SDK and the fake Graph server in it), sampled against a baseline taken after a full collection.");
        s.AppendLine();
        s.AppendLine("| Store | Step | Seconds | Graph round trips | Peak working set growth MB | Peak managed heap growth MB | Allocated MB | Exit | Summary |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in rows)
            s.AppendLine(Invariant($"| {r.Store} | {r.Step} | {r.Seconds:0.0} | {(r.RoundTrips is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "—")} | {r.Memory.PeakWorkingSetGrowthMb:0.0} | {r.Memory.PeakHeapGrowthMb:0.0} | {r.Memory.AllocatedMb:0} | {r.Code} | {r.Summary} |"));
        return s.ToString();
    }

    static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Keeps the last lines written (the summary), not the row-by-row report.</summary>
    sealed class LastLines : TextWriter
    {
        readonly Queue<string> _lines = new();
        readonly StringBuilder _current = new();
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (value != '\n') { _current.Append(value); return; }
            _lines.Enqueue(_current.ToString());
            _current.Clear();
            if (_lines.Count > 3) _lines.Dequeue();
        }

        /// <summary>The last line that says something: the summary.</summary>
        public string Text => _lines.Append(_current.ToString()).LastOrDefault(l => l.Length > 0) ?? "";
    }
}
