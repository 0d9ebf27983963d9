using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Access;

/// <summary>
/// Everyone who will read what is posted in one conversation, and the least of what they may see. The audience
/// rule: a reply never shows more than the least-privileged member of the conversation it goes to may see. A
/// personal chat's audience is its one person; a group chat's or channel's is everyone on its roster. Someone the
/// directory does not know (a guest, an external member, another bot) — or a roster that could not be read — makes the
/// audience one that may see nothing of the archive (查询制度: only the sales roles may query it at all).
/// </summary>
public sealed class Audience
{
    Audience(IReadOnlyList<Person> people, bool strangers) => (People, HasStrangers) = (people, strangers);

    /// <summary>The members the directory knows.</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>Someone is there whom the directory does not know, or the roster could not be read: assume the worst.</summary>
    public bool HasStrangers { get; }

    /// <summary>A conversation with these people only (a 1:1 chat: one person).</summary>
    public static Audience Of(IReadOnlyList<Person> people) => new(people, strangers: people.Count == 0);

    /// <summary>These people and some the directory does not know (or whom nobody could list).</summary>
    public static Audience WithStrangers(IReadOnlyList<Person> known) => new(known, strangers: true);

    /// <summary>Whether everyone in the conversation may query the archive at all (see a file's company name and contacts).</summary>
    public bool MayAllQuery => !HasStrangers && People.All(CustomerAccess.MayQuery);

    /// <summary>Whether the conversation is <paramref name="person"/> alone: then what they may see, everyone here may.</summary>
    public bool IsOnly(Person person) =>
        !HasStrangers && People.Count == 1 && string.Equals(People[0].AadObjectId, person.AadObjectId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The least view of <paramref name="file"/> anyone in the conversation has: what may be shown to all of them.</summary>
    /// <param name="ownerManagerAadObjectId">The owner's direct leader (who sees their team's files).</param>
    public FileView ViewOf(Customer file, string? ownerManagerAadObjectId, IReadOnlyCollection<AccessGrant> grants, DateTimeOffset now)
    {
        if (!MayAllQuery) return FileView.None;
        var least = FileView.Full;
        foreach (var person in People)
        {
            var view = CustomerAccess.ViewOf(person, file, ownerManagerAadObjectId, grants, now);
            if (view < least) least = view;
        }
        return least;
    }
}
