using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Analysis;
using static TeamsCrm.Bot.Archive.SharePoint.SharePointLists;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// What is filed under a customer: contacts, archive entries, access grants and the access log, each an item of its
/// own list keyed by the indexed CustomerNumber column. Adding one does not touch the customer's item, so it never
/// moves the file's eTag: it is a record of its own, not an edit of the file. Items are sorted here after the
/// customer's query; item ids only grow, so they give the order items were added in.
/// </summary>
sealed partial class SharePointCustomerFiles
{
    public async Task<Contact> AddContactAsync(string number, NewContact contact, CancellationToken ct = default)
    {
        await RequireCustomerAsync(number, ct);
        return ReadContact(await site.CreateAsync(Contacts, ContactFields(number, contact), ct));
    }

    /// <summary>Empty values are left out, so a contact without a name is refused by the required Title.</summary>
    internal static Dictionary<string, object?> ContactFields(string number, NewContact c) => WithoutEmpty(new()
    {
        ["Title"] = c.Name, [CustomerNumber] = number, ["JobTitle"] = c.Title, ["Phone"] = c.Phone, ["Email"] = c.Email,
        ["Role"] = c.Role.ToString(),
    });

    static Contact ReadContact(ItemFields i) => new(i.Id, i.Text(CustomerNumber)!, i.Text("Title")!, i.Text("JobTitle"), i.Text("Phone"),
        i.Text("Email"), Enum.Parse<ContactRole>(i.Text("Role")!));

    static List<Contact> ReadContacts(IEnumerable<ItemFields> items) => [.. items.OrderBy(i => i.Number).Select(ReadContact)];

    /// <summary>
    /// Idempotent by <see cref="ArchiveEntry.Id"/> (the unique Title): a redelivered entry gets 409, and the stored one is
    /// returned. A sale goes to its owner's monthly rollup in the same $batch, after the entry (dependsOn: not when it was
    /// refused); a redelivery sets it again, so a save cut short between the two is completed.
    /// </summary>
    public async Task<ArchiveEntry> AddEntryAsync(ArchiveEntry entry, CancellationToken ct = default)
    {
        var owner = await OwnerAsync(entry.CustomerNumber, ct);
        var steps = await rollups.StepsAsync(RollupEdit.SaleOf(entry) is null ? [] : [RollupEdit.Sale(owner, entry)], ct);
        var answers = await batch.SendInOrderAsync([SharePointSite.CreateRequest(await site.ItemsAsync(ArchiveEntries, ct), EntryFields(entry)),
            .. steps.Select(s => s.Request)], ct);
        var created = answers[0] ?? throw new InvalidOperationException("The first step of a $batch was not answered.");
        if (created.Status == 409)
        {
            var stored = ReadEntry(await site.FindAsync(ArchiveEntries, "Title", entry.Id, ct)
                ?? throw new InvalidOperationException($"Entry {entry.Id} was refused as a duplicate but cannot be found.", created.Error()));
            if (RollupEdit.SaleOf(stored) is not null) await rollups.ApplyAsync([RollupEdit.Sale(owner, stored)], ct);
            return stored;
        }
        if (!created.IsSuccess) throw created.Error();
        await rollups.FinishAsync(steps, answers[1..], ct);
        return ReadEntry(created.Item());
    }

    /// <summary>Whose monthly rollup the customer's sales go to; throws when there is no such customer (nothing is filed under it).</summary>
    async Task<string> OwnerAsync(string number, CancellationToken ct) =>
        (await ItemAsync(number, ct))?.Owner ?? (await GetAsync(number, ct))?.OwnerAadObjectId ?? throw new KeyNotFoundException($"There is no customer {number}.");

    internal static Dictionary<string, object?> EntryFields(ArchiveEntry entry) => WithoutEmpty(new()
    {
        ["Title"] = entry.Id, [CustomerNumber] = entry.CustomerNumber, ["Category"] = entry.Category.ToString(),
        ["EntryType"] = entry.Type.ToString(), ["EntryDate"] = ItemFields.Wire(entry.Date), ["Amount"] = entry.Amount,
        ["Reference"] = entry.Reference, ["Description"] = entry.Description, ["Result"] = entry.Result,
        ["CreatedBy"] = entry.CreatedByAadObjectId, ["CreatedAt"] = ItemFields.Wire(entry.CreatedAt),
    });

    internal static ArchiveEntry ReadEntry(ItemFields i) => new(i.Text("Title")!, i.Text(CustomerNumber)!, Enum.Parse<ArchiveCategory>(i.Text("Category")!),
        Enum.Parse<EntryType>(i.Text("EntryType")!), i.Date("EntryDate")!.Value, i.Decimal("Amount"), i.Text("Reference"),
        i.Text("Description"), i.Text("Result"), i.Text("CreatedBy")!, i.Time("CreatedAt")!.Value);

    /// <summary>Newest date first; entries of the same date, the last added first.</summary>
    static List<ArchiveEntry> ReadEntries(IEnumerable<ItemFields> items) =>
        [.. items.OrderByDescending(i => i.Date("EntryDate")).ThenByDescending(i => i.Number).Select(ReadEntry)];

    /// <summary>The same grant twice (a redelivered approval) is stored once: its unique Title is the grant itself.</summary>
    public async Task AddGrantAsync(AccessGrant g, CancellationToken ct = default)
    {
        await RequireCustomerAsync(g.CustomerNumber, ct);
        var key = string.Join('|', g.CustomerNumber, g.GranteeAadObjectId, ItemFields.Wire(g.From), ItemFields.Wire(g.Until));
        try
        {
            await site.CreateAsync(AccessGrants, new Dictionary<string, object?>
            {
                ["Title"] = key, [CustomerNumber] = g.CustomerNumber, ["Grantee"] = g.GranteeAadObjectId, ["GrantedBy"] = g.GrantedByAadObjectId,
                ["ValidFrom"] = ItemFields.Wire(g.From), ["ValidUntil"] = ItemFields.Wire(g.Until),
            }, ct);
        }
        catch (Exception e) when (SharePointSite.Is(e, 409)) { }
    }

    /// <summary>In the order they start.</summary>
    public async Task<IReadOnlyList<AccessGrant>> GrantsForAsync(string number, CancellationToken ct = default) =>
        Grants((await site.QueryAsync(AccessGrants, ODataFilter.Eq(CustomerNumber, number), ct)).Where(i => i.Text(CustomerNumber) == number));

    /// <summary>In the order they start; grants of the same moment in the order they were given (item ids only grow).</summary>
    static List<AccessGrant> Grants(IEnumerable<ItemFields> items) =>
        [.. items.OrderBy(i => i.Time("ValidFrom")).ThenBy(i => i.Number)
            .Select(i => new AccessGrant(i.Text(CustomerNumber)!, i.Text("Grantee")!, i.Text("GrantedBy")!, i.Time("ValidFrom")!.Value, i.Time("ValidUntil")!.Value))];

    public async Task LogAccessAsync(AccessLogEntry e, CancellationToken ct = default)
    {
        await RequireCustomerAsync(e.CustomerNumber, ct);
        await site.CreateAsync(AccessLog, LogFields(e), ct);
    }

    internal static Dictionary<string, object?> LogFields(AccessLogEntry e) => new()
    {
        ["Title"] = e.CustomerNumber, [CustomerNumber] = e.CustomerNumber, ["Reader"] = e.ReaderAadObjectId,
        ["ReadAt"] = ItemFields.Wire(e.At), ["What"] = e.What, ["FullFile"] = e.Full,
    };

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> AccessLogAsync(string number, CancellationToken ct = default) =>
        [.. (await site.QueryAsync(AccessLog, ODataFilter.Eq(CustomerNumber, number), ct))
            .Where(i => i.Text(CustomerNumber) == number).OrderByDescending(i => i.Time("ReadAt")).ThenByDescending(i => i.Number)
            .Select(i => new AccessLogEntry(number, i.Text("Reader")!, i.Time("ReadAt")!.Value, i.Text("What") ?? "", i.Boolean("FullFile")))];

    static Dictionary<string, object?> WithoutEmpty(Dictionary<string, object?> fields) =>
        fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value);
}
