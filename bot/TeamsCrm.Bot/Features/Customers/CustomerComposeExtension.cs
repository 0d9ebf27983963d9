using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// Customer files in any conversation, through the manifest's composeExtensions. <c>Customers</c> / <c>客户</c> in the compose
/// box of any chat or channel: the searcher's
/// results, matched as <c>find</c> matches, are shown to them alone (name, number, owner, and the status where they may see the
/// file in full); the card they insert is for the conversation it goes into — in their 1:1 chat with the bot, their own view;
/// anywhere else the least view of everyone there (a roster the bot cannot read is a conversation that gets no card), with
/// Open for each person's own view in their 1:1 chat. A file's link (<see cref="CustomerLinks"/>) pasted into a compose box
/// unfurls into the same card. Decided from the authenticated person, never from the request's ids.
/// </summary>
public static class CustomerComposeExtension
{
    public const string CommandId = "searchCustomers";
    /// <summary>Results per page unless Teams asks for fewer (it asks 25).</summary>
    const int MaxPage = 25;
    /// <summary>Longer than any name, number or phone: refused with a message, never searched.</summary>
    public const int MaxQuery = 100;

    public static async Task<Reply> Query(Turn turn, ICrmArchive archive, IDirectory directory, RecentCustomers recent, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        if (await ViewerAsync(turn, directory, ct) is not { } me)
            return Reply.ComposeMessage(T.Get(c, "customers.mayNotQuery"));
        var query = (turn.DataString("query") ?? "").Trim();
        if (query.Length > MaxQuery) return Reply.ComposeMessage(T.Get(c, "compose.tooLong", MaxQuery));
        var skip = Number(turn.DataString("skip"), 0, 10_000);
        var count = Number(turn.DataString("count"), MaxPage, MaxPage);
        if (count == 0) count = MaxPage;
        // As the person types: one archive call, the matches with the grants they hold, so each one's view needs no read of its own.
        var (files, myGrants, _) = query.Length == 0
            ? new FoundFiles(await RecentAndOwnAsync(me, archive.Customers, recent, ct), [])
            : await FindHandler.SearchAsync(archive.Customers, query, me.AadObjectId, ct, skip + count);
        var page = files.Skip(skip).Take(count).ToList();
        if (page.Count == 0 && skip == 0)
            return Reply.ComposeMessage(query.Length == 0 ? T.Get(c, "compose.nothingYet") : T.Get(c, "customers.noMatch", CustomerText.Shorten(query, 60)));
        var items = new List<ComposeItem>();
        foreach (var file in page)
        {
            var (view, _) = query.Length > 0
                ? await CustomerPages.ViewAsync(me, file, myGrants, directory, clock, ct)
                : await CustomerPages.ViewAsync(me, file, archive.Customers, directory, clock, ct);   // reads the file's grants only if one could matter
            var owner = await CustomerPages.NameOfAsync(directory, file.OwnerAadObjectId, ct);
            items.Add(new ComposeItem($"{file.Name} · {file.Number}",
                view == FileView.Full ? $"{owner} · {CustomerText.Of(c, file.Status)}" : owner,
                new JsonObject { ["number"] = file.Number }));
        }
        return Reply.ComposeItems(items);
    }

    /// <summary>A result chosen: the card to insert, as everyone in the conversation may see it.</summary>
    public static async Task<Reply> Select(Turn turn, ICrmArchive archive, IDirectory directory, Audiences audiences, DownloadLinks links, RecentCustomers recent,
        TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (await ViewerAsync(turn, directory, ct) is not { } me)
            return Reply.ComposeMessage(T.Get(c, "customers.mayNotQuery"));
        if (await LiveFileAsync(archive, me, turn.DataString("number"), ct) is not { } found) return Reply.ComposeMessage(T.Get(c, "customers.notFound"));
        recent.Opened(me.AadObjectId, found.File.Number);
        return await CardForConversationAsync(turn, me, found, archive, directory, audiences, links, clock, ct) is { } item
            ? Reply.ComposeItems([item])
            : Reply.ComposeMessage(T.Get(c, "compose.notForEveryone"));
    }

    /// <summary>
    /// A file's link pasted into a compose box (composeExtension/queryLink, for the domain in the manifest's messageHandlers):
    /// the card for that conversation, as a chosen search result gets. A link to no file, or to a file that is gone, unfurls
    /// into a line that says so; a conversation where someone may not see the file gets a line that says so too.
    /// </summary>
    public static async Task<Reply> Unfurl(Turn turn, ICrmArchive archive, IDirectory directory, Audiences audiences, DownloadLinks links, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        if (await ViewerAsync(turn, directory, ct) is not { } me)
            return Reply.ComposeItems([new ComposeItem("TeamsCrm", T.Get(c, "customers.mayNotQuery"))]);
        if (await LiveFileAsync(archive, me, CustomerLinks.NumberIn(turn.DataString("url")), ct) is not { } found)
            return Reply.ComposeItems([new ComposeItem("TeamsCrm", T.Get(c, "customers.notFound"))]);
        return await CardForConversationAsync(turn, me, found, archive, directory, audiences, links, clock, ct) is { } item
            ? Reply.ComposeItems([item])
            : Reply.ComposeItems([new ComposeItem($"TeamsCrm · {found.File.Number}", T.Get(c, "compose.notForEveryone"))]);
    }

    /// <summary>
    /// Teams' refresh of a card a person inserted (automatic, for the members of a conversation of up to 60): the card again as
    /// that conversation may see the file now — its least view, never the refreshing person's own — so it stays current.
    /// </summary>
    public static async Task<Reply> Refresh(Turn turn, ICrmArchive archive, IDirectory directory, Audiences audiences, DownloadLinks links, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        if (await ViewerAsync(turn, directory, ct) is not { } me || await LiveFileAsync(archive, me, turn.DataString("number"), ct) is not { } found)
            return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "customers.notFound")).ForEveryone();
        return await CardForConversationAsync(turn, me, found, archive, directory, audiences, links, clock, ct) is { Card: { } card }
            ? Reply.ReplaceCard(card).ForEveryone()
            : Reply.ReplaceCard(CustomerCards.NotAllowed(c, "compose.notForEveryone")).ForEveryone();
    }

    public const string RefreshVerb = "customer.shared.refresh";

    /// <summary>
    /// The card a conversation may get of <paramref name="file"/>: one's own view in one's chat with the bot, else the least view
    /// there; with a refresh so that, inserted by a person, it stays current (no user list: Teams refreshes it for everyone in a
    /// conversation of up to 60 members).
    /// </summary>
    static async Task<ComposeItem?> CardForConversationAsync(Turn turn, Person me, LiveFile found, ICrmArchive archive, IDirectory directory, Audiences audiences,
        DownloadLinks links, TimeProvider clock, CancellationToken ct)
    {
        JsonObject? card;
        var file = found.File;
        if (IsOwnBotChat(turn))
            card = await CustomerPages.ShowAsync(turn, me, file, found.MyGrants, archive, directory, links, clock, ct);
        else
            (card, _) = await CustomerPages.ShowToAllAsync(turn, me, await audiences.OfAsync(turn.Conversation, ct), file, archive, directory, clock, ct);
        if (card is null) return null;
        card["refresh"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = RefreshVerb, ["data"] = new JsonObject { ["number"] = file.Number } },
        };
        return new ComposeItem($"{file.Name} · {file.Number}", await CustomerPages.NameOfAsync(directory, file.OwnerAadObjectId, ct), Card: card);
    }

    /// <summary>
    /// The searcher's own chat with the bot ("a:" ids are the bot's 1:1 conversations): only they read it. A 1:1 chat with a
    /// colleague is "personal" too, but two people read it: its roster decides, as a group chat's does.
    /// </summary>
    static bool IsOwnBotChat(Turn turn) =>
        turn.Conversation.Kind == ConversationKind.Personal && turn.Conversation.Id.StartsWith("a:", StringComparison.Ordinal);

    /// <summary>The file opened last, then one's own active files, most recently in touch first.</summary>
    static async Task<IReadOnlyList<Customer>> RecentAndOwnAsync(Person me, ICustomerFiles files, RecentCustomers recent, CancellationToken ct)
    {
        var list = new List<Customer>();
        if (recent.LastOf(me.AadObjectId) is { } last && await files.GetAsync(last, ct) is { Status: not CustomerStatus.Purged } opened) list.Add(opened);
        list.AddRange((await files.ListByOwnerAsync(me.AadObjectId, ct))
            .Where(f => f.Status is CustomerStatus.Active or CustomerStatus.Pending && !list.Any(l => l.Number == f.Number))
            .OrderByDescending(f => f.LastContactAt ?? f.CreatedAt));
        return list;
    }

    /// <summary>The authenticated person, if they may read the archive at all; what they see of each file follows from it.</summary>
    static async Task<Person?> ViewerAsync(Turn turn, IDirectory directory, CancellationToken ct) =>
        await directory.FindAsync(turn.User.AadObjectId, ct) is { } me && CustomerAccess.MayQuery(me) ? me : null;

    /// <summary>A file a request names, with the grants its reader holds.</summary>
    sealed record LiveFile(Customer File, IReadOnlyList<AccessGrant> MyGrants);

    /// <summary>The file a number from the request names, unless there is none or it was purged (a forged or stale one: not found).</summary>
    static async Task<LiveFile?> LiveFileAsync(ICrmArchive archive, Person me, string? number, CancellationToken ct) =>
        CustomerNumbers.Parse(number ?? "") is { } parsed && await archive.Customers.FindForAsync(CustomerQuery.Number(parsed), me.AadObjectId, ct) is { Files: [var file] } found
            ? new LiveFile(file, found.ReaderGrants)
            : null;

    static int Number(string? text, int fallback, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Min(n, max) : fallback;
}
