using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Operations;
using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// The references this process saved: at most <see cref="MaxRemembered"/>, each for at most <see cref="MaxAge"/> (then the
/// next turn from there writes it again). Another instance's marks do not reach it: it sees every mark only when it is the
/// one instance (<c>Host:Instances</c> 1), where every mark is made through it — then a turn reads no marks either.
/// </summary>
public sealed class LocalSavedReferences(TimeProvider clock, IOptions<HostingOptions> hosting) : ISavedReferences
{
    /// <summary>Every user and conversation of a company of several thousand people, a few hundred bytes each.</summary>
    public const int MaxRemembered = 20_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    readonly BoundedCache<string, object> _lastSaved = new(MaxRemembered, MaxAge, clock, StringComparer.Ordinal);

    public bool SeesEveryInstance => hosting.Value.Instances == 1;

    public Task<bool> IsSavedAsync(string key, object value) =>
        Task.FromResult(_lastSaved.TryGetValue(key, out var saved) && saved.Equals(value));

    public Task RememberAsync(string key, object value)
    {
        _lastSaved.Set(key, value);
        return Task.CompletedTask;
    }

    public Task ForgetAsync(string key)
    {
        _lastSaved.Remove(key);
        return Task.CompletedTask;
    }
}
