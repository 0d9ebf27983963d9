using System.Collections.Concurrent;
using Microsoft.Kiota.Abstractions;
using TeamsCrm.Bot.Domain.Analysis;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Rollups in <see cref="SharePointLists.MonthlyRollups"/>, one item per rep and month. Read: a few months are Title eq
/// per rep and month, more are one startswith(Title, '{rep}|') per rep, twenty to a $batch. Written by the customer files
/// and the visit log in the $batch of the record that changes them (<see cref="StepsAsync"/> → <see cref="FinishAsync"/>):
/// the item as last seen with the change applied, with If-Match (a create, for a month not seen yet). A step that did
/// not succeed — 412 (written since), 409 (created since), 424 (an earlier step failed) — reads the item and writes the
/// change again, so two writers of one month never lose one another's change; a change is a set or a remove by the
/// record's id, so applying it twice is applying it once.
/// </summary>
sealed partial class SharePointMonthlyRollups(SharePointSite site, GraphBatch batch, ISalesTargets targets, TimeProvider clock) : IMonthlyRollups
{
    const int MaxAttempts = 10;
    /// <summary>Months per rep read one by one; a longer span reads the rep's every month in one query.</summary>
    const int MonthsByKey = 12;
    /// <summary>Rollups remembered (a rep's year is twelve); past it the memory starts again, which costs a read per month.</summary>
    const int MaxRemembered = 10_000;
    static readonly ListDef List = SharePointLists.MonthlyRollups;

    readonly ConcurrentDictionary<string, RollupItem> _seen = new(StringComparer.Ordinal);

    /// <summary>A rollup step of a $batch: the edits of one rep and month, and the write that applies them to the item as last seen.</summary>
    internal sealed record Step(string Key, IReadOnlyList<RollupEdit> Edits, RequestInformation Request, RollupItem? Known, MonthRollup Next);

    public async Task<IReadOnlyList<MonthRollup>> ForRepsAsync(IReadOnlyCollection<string> repAadObjectIds, YearMonth? from, YearMonth? to,
        CancellationToken ct = default)
    {
        var reps = repAadObjectIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (reps.Count == 0) return [];
        var months = from is { } f && to is { } t && Span(f, t) is > 0 and <= MonthsByKey ? Months(f, t) : null;
        var filters = months is null
            ? reps.Select(r => ODataFilter.StartsWith("Title", RollupKeys.RepPrefix(r)))
            : reps.SelectMany(r => months.Select(m => ODataFilter.Eq("Title", RollupKeys.Of(r, m))));
        var found = await QueryAsync([.. filters], ct);
        var wanted = reps.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. found.Select(i => i.Rollup)
            .Where(r => wanted.Contains(r.RepAadObjectId) && !r.IsEmpty && (from is null || Compare(r.Month, from.Value) >= 0) && (to is null || Compare(r.Month, to.Value) <= 0))
            .OrderBy(r => r.RepAadObjectId, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Month.Year).ThenBy(r => r.Month.Month)];
    }

    /// <summary>The steps that apply <paramref name="edits"/> (one per rep and month), to send in the record's $batch.</summary>
    internal async Task<IReadOnlyList<Step>> StepsAsync(IEnumerable<RollupEdit> edits, CancellationToken ct)
    {
        var items = await site.ItemsAsync(List, ct);
        return [.. edits.GroupBy(e => e.Key, StringComparer.Ordinal).Select(g =>
        {
            var known = _seen.GetValueOrDefault(g.Key);
            var next = Applied(known?.Rollup ?? new MonthRollup(g.First().RepAadObjectId, g.First().Month), g);
            var request = known is null ? SharePointSite.CreateRequest(items, RollupItems.Fields(next))
                : SharePointSite.UpdateRequest(items, known.Id, known.ETag, RollupItems.Fields(next));
            return new Step(g.Key, [.. g], request, known, next);
        })];
    }

    /// <summary>After the $batch: a step that succeeded is remembered, any other (or one never answered) is applied again on its own.</summary>
    internal async Task FinishAsync(IReadOnlyList<Step> steps, IReadOnlyList<BatchAnswer?> answers, CancellationToken ct)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (answers[i] is { IsSuccess: true } done) Remember(steps[i].Key, done.Item(), steps[i].Known?.Id, steps[i].Next);
            else await ApplyAsync(steps[i].Edits, ct);
        }
    }

    /// <summary>
    /// Applies <paramref name="edits"/> outside a record's $batch (a conflict, a redelivery, an import, a purge): per rep and
    /// month, the item as last seen (or read: the months not remembered in one $batch of queries) with the edits applied,
    /// every month's write in one $batch with If-Match; the months answered 412 or 409 are forgotten, read and written again.
    /// </summary>
    internal async Task ApplyAsync(IEnumerable<RollupEdit> edits, CancellationToken ct)
    {
        var pending = edits.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var items = await site.ItemsAsync(List, ct);
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var known = pending.Keys.ToDictionary(k => k, k => _seen.GetValueOrDefault(k), StringComparer.Ordinal);
            var unknown = known.Where(k => k.Value is null).Select(k => k.Key).ToList();
            if (unknown.Count > 0)
                foreach (var item in await QueryAsync([.. unknown.Select(k => ODataFilter.Eq("Title", k))], ct))
                    if (RollupKeys.Of(item.Rollup.RepAadObjectId, item.Rollup.Month) is var key && known.ContainsKey(key)) known[key] = item;
            var writes = new List<(string Key, RollupItem? Known, MonthRollup Next)>();
            foreach (var (key, group) in pending)
            {
                var next = Applied(known[key]?.Rollup ?? new MonthRollup(group[0].RepAadObjectId, group[0].Month), group);
                // Applied already (a redelivery, a retry) — as read just now: a remembered item may be behind another instance's write.
                if (unknown.Contains(key) && known[key] is { } read && next.SameAs(read.Rollup)) pending.Remove(key);
                else writes.Add((key, known[key], next));
            }
            var answers = await batch.SendAsync([.. writes.Select(w => w.Known is null ? SharePointSite.CreateRequest(items, RollupItems.Fields(w.Next))
                : SharePointSite.UpdateRequest(items, w.Known.Id, w.Known.ETag, RollupItems.Fields(w.Next)))], ct);
            for (var i = 0; i < writes.Count; i++)
            {
                if (answers[i].IsSuccess)
                {
                    Remember(writes[i].Key, answers[i].Item(), writes[i].Known?.Id, writes[i].Next);
                    pending.Remove(writes[i].Key);
                }
                else if (answers[i].Status is 409 or 412 && attempt < MaxAttempts) _seen.TryRemove(writes[i].Key, out _);   // written meanwhile: read, apply again
                else throw answers[i].Error();
            }
        }
    }

    static MonthRollup Applied(MonthRollup rollup, IEnumerable<RollupEdit> edits) => edits.Aggregate(rollup, (r, e) => e.Apply(r));

    /// <summary>Each filter's items, every page, remembered as seen.</summary>
    async Task<List<RollupItem>> QueryAsync(IReadOnlyList<string> filters, CancellationToken ct)
    {
        var items = await site.ItemsAsync(List, ct);
        var answers = await batch.SendAsync([.. filters.Select(f => SharePointSite.QueryRequest(items, f, SharePointSite.MaxPage))], ct);
        var found = new List<RollupItem>();
        foreach (var answer in answers)
        {
            if (!answer.IsSuccess) throw answer.Error();
            foreach (var item in (await site.ReadAllAsync(items, answer, ct)).Select(RollupItems.Read))
            {
                Remember(RollupKeys.Of(item.Rollup.RepAadObjectId, item.Rollup.Month), item);
                found.Add(item);
            }
        }
        return found;
    }

    /// <summary>PATCH …/fields answers the fields without the item's id.</summary>
    void Remember(string key, ItemFields saved, string? knownId, MonthRollup written) =>
        Remember(key, new RollupItem(saved.Id.Length > 0 ? saved.Id : knownId ?? "", saved.ETag, written));

    void Remember(string key, RollupItem item)
    {
        if (item.Id.Length == 0) return;
        if (_seen.Count >= MaxRemembered) _seen.Clear();
        _seen[key] = item;
    }

    static int Compare(YearMonth a, YearMonth b) => (a.Year * 12 + a.Month).CompareTo(b.Year * 12 + b.Month);
    static int Span(YearMonth from, YearMonth to) => Compare(to, from) < 0 ? 0 : to.Year * 12 + to.Month - (from.Year * 12 + from.Month) + 1;
    static List<YearMonth> Months(YearMonth from, YearMonth to) =>
        [.. Enumerable.Range(0, Span(from, to)).Select(i => YearMonth.Of(from.First.AddMonths(i)))];
}
