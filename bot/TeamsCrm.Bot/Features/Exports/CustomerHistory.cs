using TeamsCrm.Bot.Web;
using System.Globalization;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Features.Analysis;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Exports;

/// <summary>
/// A customer's whole trail for a manager (档案 audit): every change record, every approval request about the file and
/// every logged read, oldest first, in one table. "export C-2026-00042" (导出) answers with the download link.
/// </summary>
public static class CustomerHistory
{
    public static async Task<Reply> Command(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, CancellationToken ct)
    {
        var c = turn.Culture;
        if (!AnalysisHandler.MaySee(await directory.FindAsync(turn.User.AadObjectId, ct))) return Reply.Text(T.Get(c, "export.mayNot"));
        var number = turn.Text.Trim().ToUpperInvariant();
        if (number.Length is 0 or > 20 || await archive.Customers.GetAsync(number, ct) is not { } customer)
            return Reply.Text(T.Get(c, "export.noSuchFile", CustomerText.Shorten(turn.Text.Trim(), 40)));
        return Reply.Card(ExportCards.History(c, customer.Number, customer.Name, f => links.For(turn.User.AadObjectId, DownloadKind.History, customer.Number, c, f)));
    }

    /// <summary>Null when there is no such file.</summary>
    public static async Task<FigureTable?> TableAsync(CultureInfo c, string number, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        if (await archive.Customers.GetFileAsync(number, ct) is not { } file) return null;
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        async Task<string> Name(string id) => names.TryGetValue(id, out var n) ? n : names[id] = (await directory.FindAsync(id, ct))?.Name ?? id;

        var rows = new List<(DateTimeOffset At, IReadOnlyList<string> Row)>();
        foreach (var h in file.History)
            rows.Add((h.At, [Time(h.At), T.Get(c, "export.kind.change"), await Name(h.ByAadObjectId), CustomerText.Field(c, h.Field),
                CustomerText.FieldValue(c, h.Field, h.OldValue), CustomerText.FieldValue(c, h.Field, h.NewValue), h.Reason ?? "", h.ApprovalId ?? ""]));
        foreach (var a in await archive.Approvals.ForSubjectAsync(number, ct))
            rows.Add((a.CreatedAt, [Time(a.CreatedAt), T.Get(c, "export.kind.approval"), await Name(a.RequesterAadObjectId), CustomerText.Of(c, a.Kind),
                CustomerText.Of(c, a.Status), a.DecidedByAadObjectId is { } by ? await Name(by) : "", a.Payload.Reason ?? a.Comment ?? "", a.Id]));
        foreach (var r in await archive.Customers.AccessLogAsync(number, ct))
            rows.Add((r.At, [Time(r.At), T.Get(c, "export.kind.access"), await Name(r.ReaderAadObjectId), r.What,
                T.Get(c, r.Full ? "export.fullView" : "export.redactedView"), "", "", ""]));
        return new FigureTable($"history-{number}", T.Get(c, "export.historyTitle", file.Customer.Name), "",
            [T.Get(c, "export.atUtc"), T.Get(c, "export.kind"), T.Get(c, "export.who"), T.Get(c, "export.what"), T.Get(c, "export.before"),
                T.Get(c, "export.after"), T.Get(c, "export.reason"), T.Get(c, "export.reference")],
            [.. rows.OrderBy(r => r.At).Select(r => r.Row)])
        { Kinds = [CellKind.DateTime] };
    }

    static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
