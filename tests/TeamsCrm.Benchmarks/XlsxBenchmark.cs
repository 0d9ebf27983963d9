using System.Diagnostics;
using System.Globalization;
using System.Text;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// `-- xlsx [rows]`: the same table (visit reports, table 5-29's columns: a time, a Chinese name, text, money, a date)
/// written as CSV (<see cref="Csv"/>, as /export serves it) and as .xlsx (<see cref="XlsxWriter"/>), at 10,000 rows and at
/// the given count (default 50,000): seconds, file size, and memory above a collected baseline. Rows are generated as they
/// are written, so the memory column shows what each writer holds, not the table.
/// </summary>
public static class XlsxBenchmark
{
    static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new("拜访时间", CellKind.DateTime), new("客户编号"), new("客户名称"), new("拜访目的"), new("拜访记录", Width: 50),
        new("应收", CellKind.Money), new("实收", CellKind.Money), new("拜访次数", CellKind.Integer), new("下一步行动日期", CellKind.Date),
    ];

    public static Task<int> RunAsync(string[] args)
    {
        var rows = args is [var n, ..] && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var given) ? given : 50_000;
        Console.WriteLine($"Machine: {ResultTable.Machine()}.");
        Console.WriteLine();
        Console.WriteLine("| Rows | Format | Seconds | File MB | Peak heap growth MB | Peak working set growth MB | Allocated MB |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        Measure(1_000, "xlsx", WriteXlsx, print: false);   // warm-up: JIT and the SDK's first use
        foreach (var count in new[] { 10_000, rows }.Distinct())
        {
            Measure(count, "CSV", WriteCsv);
            Measure(count, "xlsx", WriteXlsx);
        }
        return Task.FromResult(0);
    }

    static void Measure(int count, string format, Action<Stream, int> write, bool print = true)
    {
        var path = Path.Combine(Path.GetTempPath(), $"teamscrm-bench-{Guid.NewGuid():N}.{format.ToLowerInvariant()}");
        try
        {
            using var memory = new MemorySampler();
            var clock = Stopwatch.StartNew();
            // Write-only: System.IO.Packaging then streams the zip (ZipArchiveMode.Create) instead of holding each part to rewrite it.
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write)) write(file, count);
            clock.Stop();
            memory.Dispose();
            if (print)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {count:N0} | {format} | {clock.Elapsed.TotalSeconds:N2} | {new FileInfo(path).Length / 1024.0 / 1024:N2} | {memory.PeakHeapGrowthMb:N1} | {memory.PeakWorkingSetGrowthMb:N1} | {memory.AllocatedMb:N0} |"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    static void WriteCsv(Stream file, int count)
    {
        var bytes = Csv.Write([.. Columns.Select(c => c.Header)], Rows(count));
        file.Write(bytes);
    }

    static void WriteXlsx(Stream file, int count) => XlsxWriter.Write(file, [new XlsxSheet("5-29 拜访报告", Columns, Rows(count))]);

    static IEnumerable<IReadOnlyList<string>> Rows(int count)
    {
        var start = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Unspecified);
        var note = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            note.Clear().Append(CultureInfo.InvariantCulture, $"第 {i % 7 + 1} 次拜访：演示新产线，客户关心交期与价格，约定下周报价 #{i}");
            var at = start.AddMinutes(37L * i);
            yield return
            [
                at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), $"C-2026-{i % 10_000:D5}", $"华东精密机械有限公司 {i % 500}",
                "产品演示", note.ToString(), (i * 13 % 100_000 + 0.5m).ToString("0.00", CultureInfo.InvariantCulture),
                (i * 7 % 50_000).ToString("0.00", CultureInfo.InvariantCulture), (i % 9).ToString(CultureInfo.InvariantCulture),
                DateOnly.FromDateTime(at).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ];
        }
    }
}
