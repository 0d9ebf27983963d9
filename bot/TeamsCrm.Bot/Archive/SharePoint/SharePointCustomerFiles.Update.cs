using System.Globalization;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Updating a file: one ordered $batch — the customer's PATCH with If-Match: the eTag its item was last seen at (when
/// that sighting is at the edit's <see cref="Customer.Version"/>, the EditVersion column), then its change records, each
/// step depending on the one before. A stale eTag answers 412 for the PATCH and 424 for every record after it, so
/// nothing changes. Then, instead of giving up at once, the stored file is read again:
/// <list type="bullet">
/// <item>still at the edit's version: only writes that are not edits came between (a visit's last contact), and the
///   edit is sent again against the new eTag;</item>
/// <item>at a later version: the edit is what its change records say (DOMAIN.md: every change keeps a record — field,
///   old, new). If every field the records name still holds its old value, the other editor touched only other fields:
///   the edit is applied again to the stored file and saved against its eTag. Otherwise (or with no records to go by)
///   the editor must see the other change first: <see cref="VersionConflictException"/> with the stored file.</item>
/// </list>
/// </summary>
sealed partial class SharePointCustomerFiles
{
    /// <summary>Rounds of read-and-send-again before a busy file is reported as a conflict rather than tried forever.</summary>
    const int MaxAttempts = 8;
    static readonly ListDef ChangeRecords = SharePointLists.ChangeRecords;

    public async Task<Customer> UpdateAsync(Customer updated, IReadOnlyList<ChangeRecord> changes, CancellationToken ct = default)
    {
        if (changes.FirstOrDefault(ch => ch.CustomerNumber != updated.Number) is { } stray)
            throw new ArgumentException($"A change record for {stray.CustomerNumber} cannot be saved with {updated.Number}.", nameof(changes));
        var known = await ItemAsync(updated.Number, ct) ?? throw new KeyNotFoundException($"There is no customer {updated.Number}.");
        var customers = await site.ItemsAsync(Customers, ct);
        var records = await site.ItemsAsync(ChangeRecords, ct);

        Customer? stored = null;   // read during this update: known is then the item as it is now, not as remembered
        var editing = updated;
        for (var attempt = 1; ; attempt++)
        {
            if (known.Version != editing.Version)
            {
                if (stored is null) { (stored, known) = await ReadAgainAsync(known.Id, updated.Number, ct); continue; }   // memory may be behind
                if (attempt > MaxAttempts || !EditTouchedOnlyUnchangedFields(stored, changes)) throw new VersionConflictException(stored);
                editing = changes.Aggregate(stored, (file, ch) => CustomerFields.CopyField(file, updated, ch.Field));
                LogReapplied(updated.Number, string.Join(", ", changes.Select(ch => ch.Field).Distinct()));
            }
            var patch = CustomerFields.ForUpdate(editing with { UpdatedAt = clock.GetUtcNow() }, known);
            var answers = await batch.SendInOrderAsync(
                [SharePointSite.UpdateRequest(customers, known.Id, known.ETag, patch), .. changes.Select(ch => SharePointSite.CreateRequest(records, RecordFields(ch)))], ct);
            var saved = answers[0];
            if (saved is { IsSuccess: true })
            {
                var missing = answers.Count(a => a is not { IsSuccess: true });
                if (missing > 0)
                {
                    // Throttling was retried by the batch; this outlasted it. The file is saved without all of its
                    // history: say so loudly, and fail the call rather than report a complete save.
                    LogHistoryIncomplete(updated.Number, missing);
                    throw (answers.FirstOrDefault(a => a is { IsSuccess: false }) ?? saved).Error();
                }
                var item = saved.Item();
                return Remember(item.Id.Length > 0 ? item : new ItemFields(item.ETag, item.Values, known.Id));
            }
            if (saved?.Status == 404) throw new KeyNotFoundException($"There is no customer {updated.Number}.");
            if (saved?.Status != 412) throw (saved ?? answers.First(a => a is not null)!).Error();
            if (attempt >= MaxAttempts) throw new VersionConflictException((await ReadAgainAsync(known.Id, updated.Number, ct)).File);
            (stored, known) = await ReadAgainAsync(known.Id, updated.Number, ct);
        }
    }

    async Task<(Customer File, CustomerItem Item)> ReadAgainAsync(string itemId, string number, CancellationToken ct) =>
        await site.GetAsync(Customers, itemId, ct) is { } current ? (Remember(current), CustomerItem.Of(current))
            : throw new KeyNotFoundException($"There is no customer {number}.");

    /// <summary>Every field the change records name is known and still holds the record's old value in the stored file.</summary>
    static bool EditTouchedOnlyUnchangedFields(Customer stored, IReadOnlyList<ChangeRecord> changes) =>
        changes.Count > 0 && changes.All(ch => CustomerFields.IsKnown(ch.Field) && SameValue(CustomerFields.TextOf(stored, ch.Field), ch.OldValue));

    /// <summary>Old values are text written by people's tools: empty is no value, and numbers and times compare by value.</summary>
    static bool SameValue(string? stored, string? old)
    {
        if (string.IsNullOrEmpty(stored) || string.IsNullOrEmpty(old)) return string.IsNullOrEmpty(stored) && string.IsNullOrEmpty(old);
        if (stored == old) return true;
        var i = CultureInfo.InvariantCulture;
        if (decimal.TryParse(stored, NumberStyles.Float, i, out var a) && decimal.TryParse(old, NumberStyles.Float, i, out var b)) return a == b;
        return DateTimeOffset.TryParse(stored, i, DateTimeStyles.AssumeUniversal, out var s)
            && DateTimeOffset.TryParse(old, i, DateTimeStyles.AssumeUniversal, out var o) && s == o;
    }

    internal static Dictionary<string, object?> RecordFields(ChangeRecord ch) => new()
    {
        ["Title"] = ch.Field, [SharePointLists.CustomerNumber] = ch.CustomerNumber, ["OldValue"] = ch.OldValue, ["NewValue"] = ch.NewValue,
        ["ChangedBy"] = ch.ByAadObjectId, ["ChangedAt"] = ItemFields.Wire(ch.At), ["Reason"] = ch.Reason, ["ApprovalId"] = ch.ApprovalId,
    };

    /// <summary>Newest first; the records of one update in the order they were given (written in order: item id order).</summary>
    static List<ChangeRecord> ReadHistory(IEnumerable<ItemFields> items) =>
        [.. items.OrderByDescending(i => i.Time("ChangedAt")).ThenBy(i => i.Number).Select(i => new ChangeRecord(
            i.Text(SharePointLists.CustomerNumber)!, i.Text("Title")!, i.Text("OldValue"), i.Text("NewValue"), i.Text("ChangedBy")!,
            i.Time("ChangedAt")!.Value, i.Text("Reason"), i.Text("ApprovalId")))];

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {Number} changed since the edit began, in other fields than {Fields}: the edit was applied again to the stored file")]
    partial void LogReapplied(string number, string fields);

    [LoggerMessage(Level = LogLevel.Error, Message = "Customer {Number} was saved but {Missing} of its change records could not be written")]
    partial void LogHistoryIncomplete(string number, int missing);
}
