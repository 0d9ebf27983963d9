using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// The customer file each person last opened in full, remembered a few hours by this instance: the default customer when
/// they then send a document. Only a default — the filing card always shows it and lets them choose — so an instance that
/// does not know it simply offers none.
/// </summary>
public sealed class RecentCustomers(TimeProvider clock)
{
    readonly BoundedCache<string, string> _last = new(20_000, TimeSpan.FromHours(8), clock, StringComparer.OrdinalIgnoreCase);

    public void Opened(string aadObjectId, string number) => _last.Set(aadObjectId, number);

    public string? LastOf(string aadObjectId) => _last.GetValueOrDefault(aadObjectId);
}
