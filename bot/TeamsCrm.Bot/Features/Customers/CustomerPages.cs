using System.Text.Json.Nodes;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// Shows one customer file to the authenticated reader: in full or redacted as <see cref="CustomerAccess"/>
/// decides, with the buttons the reader may use, and every read of a file that is not one's own logged (借阅).
/// </summary>
static class CustomerPages
{
    const string FullRead = "customer card: full file";
    const string RedactedRead = "customer card: company name, contact names and titles";

    /// <summary>Null when there is no such file (or it was purged).</summary>
    public static async Task<JsonObject?> ShowAsync(Turn turn, Person me, string number, ICustomerFiles files, IDirectory directory,
        TimeProvider clock, CancellationToken ct, string? notice = null)
    {
        if (await files.GetFileAsync(number, ct) is not { Customer.Status: not CustomerStatus.Purged } file) return null;
        var customer = file.Customer;
        var now = clock.GetUtcNow();
        var leader = await directory.ManagerOfAsync(customer.OwnerAadObjectId, ct);
        var view = CustomerAccess.ViewOf(me, customer, leader?.AadObjectId, await files.GrantsForAsync(number, ct), now);
        if (view == FileView.None) return null;
        if (CustomerAccess.MustLog(me, customer))
            await files.LogAccessAsync(new AccessLogEntry(number, me.AadObjectId, now, view == FileView.Full ? FullRead : RedactedRead, view == FileView.Full), ct);

        var ownerName = await NameOfAsync(directory, customer.OwnerAadObjectId, ct);
        if (view == FileView.Redacted) return CustomerCards.Redacted(turn.Culture, customer.Name, file.Contacts, ownerName);

        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in file.History.Select(h => h.ByAadObjectId).Distinct(StringComparer.OrdinalIgnoreCase))
            names[id] = await NameOfAsync(directory, id, ct);
        var page = new CustomerPage(file, ownerName, leader?.Name, names, ButtonsFor(me, customer), notice);
        return CustomerCards.File(turn.Culture, turn.TimeZone, page);
    }

    public static FileButtons ButtonsFor(Person me, Customer customer) =>
        CustomerAccess.MayEdit(me, customer) ? FileButtons.Owner
        : CustomerAccess.MayAddEntry(me, customer, EntryType.Complaint) ? FileButtons.LogComplaint
        : FileButtons.None;

    /// <summary>Someone no longer in the directory still appears in old records: by id, the only thing left to show.</summary>
    public static async Task<string> NameOfAsync(IDirectory directory, string aadObjectId, CancellationToken ct) =>
        (await directory.FindAsync(aadObjectId, ct))?.Name ?? aadObjectId;

    /// <summary>The file a card action is about: its number is in the card's data (which file, never who may act).</summary>
    public static async Task<Customer?> TargetAsync(Turn turn, ICustomerFiles files, CancellationToken ct) =>
        CustomerNumbers.Parse(turn.DataString("number")) is { } number && await files.GetAsync(number, ct) is { Status: not CustomerStatus.Purged } c
            ? c
            : null;
}
