using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// The references this process saved: at most <see cref="MaxRemembered"/>, each for at most <see cref="MaxAge"/> (then the
/// next turn from there writes it again). Another instance's marks do not reach it (<see cref="SeesEveryInstance"/> false).
/// </summary>
public sealed class LocalSavedReferences(TimeProvider clock) : ISavedReferences
{
    /// <summary>Every user and conversation of a company of several thousand people, a few hundred bytes each.</summary>
    public const int MaxRemembered = 20_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    readonly BoundedCache<string, object> _lastSaved = new(MaxRemembered, MaxAge, clock, StringComparer.Ordinal);

    public bool SeesEveryInstance => false;

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
