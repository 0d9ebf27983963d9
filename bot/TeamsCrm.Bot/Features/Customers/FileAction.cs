using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// Who acts on which file, for a card action: the person from the directory by the authenticated user's id,
/// the file by the number in the card's data. Card data only says which file; what the person may do with
/// it is decided from <see cref="Me"/> alone.
/// </summary>
public sealed record FileAction(Person Me, Customer File)
{
    /// <returns>The action, or null and the answer to give: someone in no role, or no such file.</returns>
    public static async Task<(FileAction? Action, Reply Refusal)> ReadAsync(Turn turn, ICustomerFiles files, IDirectory directory, CancellationToken ct)
    {
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return (null, Reply.ReplaceCard(CustomerCards.NotAllowed(turn.Culture, "customers.mayNotQuery")));
        return CustomerNumbers.Parse(turn.DataString("number")) is { } number && await files.GetAsync(number, ct) is { Status: not CustomerStatus.Purged } file
            ? (new FileAction(me, file), Reply.None)
            : (null, Reply.Text(T.Get(turn.Culture, "customers.notFound")));
    }
}
