using System.Text;
using System.Text.RegularExpressions;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>"find &lt;name | number | phone&gt;" and the Open button: only for those who may query the archive (查询制度).</summary>
public static partial class FindHandler
{
    const int MaxListed = 10;

    public static async Task<Reply> Find(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        var query = turn.Text.Trim();
        if (query.Length == 0) return Reply.Text(T.Get(c, "customers.findWhat"));

        var files = archive.Customers;
        var matches = await SearchAsync(files, query, ct);
        var shownQuery = CustomerText.Shorten(query, 60);
        switch (matches.Count)
        {
            case 0:
                return Reply.Text(T.Get(c, "customers.noMatch", shownQuery));
            case 1:
                return await CustomerPages.ShowAsync(turn, me, matches[0].Number, archive, directory, clock, ct) is { } card
                    ? Reply.Card(card)
                    : Reply.Text(T.Get(c, "customers.noMatch", shownQuery));
        }
        var listed = new List<FoundCustomer>();
        foreach (var m in matches.Take(MaxListed))
        {
            var full = (await CustomerPages.ViewAsync(me, m, files, directory, clock, ct)).View == FileView.Full;
            listed.Add(new FoundCustomer(m.Number, m.Name, full ? m.Status : null, await CustomerPages.NameOfAsync(directory, m.OwnerAadObjectId, ct)));
        }
        return Reply.Card(CustomerCards.List(c, shownQuery, listed, matches.Count > MaxListed));
    }

    /// <summary>The Open button (from a list, a summary, a duplicate notice): the card becomes the file.</summary>
    public static async Task<Reply> Open(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var (action, refusal) = await FileAction.ReadAsync(turn, archive.Customers, directory, ct);
        if (action is null) return refusal;
        return await CustomerPages.ShowAsync(turn, action.Me, action.File.Number, archive, directory, clock, ct) is { } card
            ? Reply.ReplaceCard(card)
            : Reply.Text(T.Get(turn.Culture, "customers.notFound"));
    }

    /// <summary>A registration number, else a phone number (only phone characters), else the start of a name.</summary>
    static async Task<IReadOnlyList<Customer>> SearchAsync(ICustomerFiles files, string query, CancellationToken ct)
    {
        if (CustomerNumbers.Parse(query) is { } number)
            return await files.GetAsync(number, ct) is { Status: not CustomerStatus.Purged } one ? [one] : [];
        if (PhoneQuery().IsMatch(query.Normalize(NormalizationForm.FormKC)))
            return await files.FindByPhoneAsync(query, ct);
        return await files.FindByNamePrefixAsync(query, MaxListed + 1, ct);
    }

    [GeneratedRegex(@"^\+?[0-9 ()\-]*[0-9][0-9 ()\-]*$")]
    private static partial Regex PhoneQuery();
}
