using System.Text;
using System.Text.RegularExpressions;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// "find &lt;name | number | phone&gt;" and the Open button: only for those who may query the archive (查询制度). In a group
/// chat or channel the conversation gets what every member may see (<see cref="Audience"/>), and the one who asked their
/// own, fuller view privately.
/// </summary>
public static partial class FindHandler
{
    const int MaxListed = 10;

    public static async Task<Reply> Find(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, Audiences audiences, RecentCustomers recent,
        TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        var query = turn.Text.Trim();
        if (query.Length == 0) return Reply.Text(T.Get(c, "customers.findWhat"));

        var files = archive.Customers;
        var found = await SearchAsync(files, query, me.AadObjectId, ct);
        var matches = found.Files;
        var shownQuery = CustomerText.Shorten(query, 60);
        var shared = turn.Conversation.Kind != ConversationKind.Personal ? await audiences.OfAsync(turn, ct) : null;
        switch (matches.Count)
        {
            case 0:
                return Reply.Text(T.Get(c, "customers.noMatch", shownQuery)).ForEveryone();   // names nothing that is on file
            case 1 when shared is not null:
                recent.Opened(me.AadObjectId, matches[0].Number);
                return await SharedFileAsync(turn, me, shared, matches[0], found.ReaderGrants, archive, directory, links, clock, ct);
            case 1:
                recent.Opened(me.AadObjectId, matches[0].Number);   // the default customer of a document sent next
                return await CustomerPages.ShowAsync(turn, me, matches[0], found.ReaderGrants, archive, directory, links, clock, ct) is { } card
                    ? Reply.Card(card)
                    : Reply.Text(T.Get(c, "customers.noMatch", shownQuery));
        }
        var more = matches.Count > MaxListed;
        var mine = await ListAsync(me, found, null, files, directory, clock, ct);
        if (shared is null) return Reply.Card(CustomerCards.List(c, shownQuery, mine, more));
        // A list names files and their owners (the redacted view): posted only where everyone may query the archive; the
        // asker's own list privately when it shows them more.
        var all = shared.MayAllQuery ? await ListAsync(me, found, shared, files, directory, clock, ct) : null;
        var here = all is null ? Reply.None : Reply.Card(CustomerCards.List(c, shownQuery, all, more, forEveryone: true)).ForEveryone();
        return all is not null && all.SequenceEqual(mine) ? here : here.ThenCard(CustomerCards.List(c, shownQuery, mine, more));
    }

    /// <summary>One file asked for where several people read: what all of them may see here, the asker's fuller view privately.</summary>
    static async Task<Reply> SharedFileAsync(Turn turn, Person me, Audience shared, Customer file, IReadOnlyList<AccessGrant> myGrants, ICrmArchive archive,
        IDirectory directory, DownloadLinks links, TimeProvider clock, CancellationToken ct)
    {
        var (forAll, least) = await CustomerPages.ShowToAllAsync(turn, me, shared, file, archive, directory, clock, ct);
        var here = forAll is null ? Reply.None : Reply.Card(forAll).ForEveryone();
        var (mine, _) = await CustomerPages.ViewAsync(me, file, myGrants, directory, clock, ct);
        if (mine <= least) return here;
        return await CustomerPages.ShowAsync(turn, me, file, myGrants, archive, directory, links, clock, ct) is { } card ? here.ThenCard(card) : here;
    }

    /// <summary>
    /// The Open button (from a list, a summary, a duplicate notice): the card becomes the file. Where several people read
    /// the card (a group chat or channel), the file goes to the presser's 1:1 chat instead.
    /// </summary>
    public static async Task<Reply> Open(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, RecentCustomers recent, TimeProvider clock,
        CancellationToken ct)
    {
        // FileAction's checks, without its read of the file: the card's own lookup reads it (and the reader's grants).
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.ReplaceCard(CustomerCards.NotAllowed(turn.Culture, "customers.mayNotQuery"));
        if (CustomerNumbers.Parse(turn.DataString("number")) is not { } number
            || await CustomerPages.ShowAsync(turn, me, number, archive, directory, links, clock, ct) is not { } card)
            return Reply.Text(T.Get(turn.Culture, "customers.notFound"));
        recent.Opened(me.AadObjectId, number);
        return turn.Conversation.Kind == ConversationKind.Personal ? Reply.ReplaceCard(card) : Reply.Card(card);
    }

    /// <summary>The list's lines: status and number where the reader (or, with <paramref name="audience"/>, everyone there) sees the file in full.</summary>
    static async Task<List<FoundCustomer>> ListAsync(Person me, FoundFiles found, Audience? audience, ICustomerFiles files, IDirectory directory,
        TimeProvider clock, CancellationToken ct)
    {
        var listed = new List<FoundCustomer>();
        foreach (var m in found.Files.Take(MaxListed))
        {
            var view = audience is null
                ? (await CustomerPages.ViewAsync(me, m, found.ReaderGrants, directory, clock, ct)).View
                : await CustomerPages.AudienceViewAsync(audience, m, files, directory, clock, ct);
            listed.Add(new FoundCustomer(m.Number, m.Name, view == FileView.Full ? m.Status : null, await CustomerPages.NameOfAsync(directory, m.OwnerAadObjectId, ct)));
        }
        return listed;
    }

    /// <summary>
    /// A registration number, else a phone number (only phone characters), else the start of a name (at most <paramref name="max"/>;
    /// the compose-box search asks for a page's worth more): how <c>find</c> and the compose-box search match. With the grants the
    /// reader holds, so that their view of each file needs no further read: one archive call.
    /// </summary>
    internal static Task<FoundFiles> SearchAsync(ICustomerFiles files, string query, string readerAadObjectId, CancellationToken ct, int max = MaxListed + 1) =>
        files.FindForAsync(CustomerNumbers.Parse(query) is { } number ? CustomerQuery.Number(number)
            : PhoneQuery().IsMatch(query.Normalize(NormalizationForm.FormKC)) ? CustomerQuery.Phone(query)
            : CustomerQuery.NamePrefix(query, max), readerAadObjectId, ct);

    [GeneratedRegex(@"^\+?[0-9 ()\-]*[0-9][0-9 ()\-]*$")]
    private static partial Regex PhoneQuery();
}
