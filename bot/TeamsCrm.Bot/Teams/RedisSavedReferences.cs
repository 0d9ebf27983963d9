using System.Text.Json;
using TeamsCrm.Bot.Scale;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// The references any instance saved, in Redis as their JSON for <see cref="LocalSavedReferences.MaxAge"/>: a turn on
/// any instance writes a reference only when it changed, and a conversation marked blocked or removed on one instance is
/// forgotten for all, so that the next activity from there — wherever it lands — writes it again and clears the mark.
/// </summary>
/// <remarks>
/// Redis unreachable: nothing counts as saved (the turn writes; correct, only slower), and a forget that could not be
/// told lasts until the entry's hour runs out — until then a turn elsewhere may not clear that mark.
/// </remarks>
public sealed class RedisSavedReferences(RedisConnection redis) : ISavedReferences
{
    public bool SeesEveryInstance => true;

    public async Task<bool> IsSavedAsync(string key, object value)
    {
        try
        {
            var saved = await (await redis.DatabaseAsync()).StringGetAsync(redis.Key("saved:" + key));
            return saved.HasValue && saved == Fingerprint(value);
        }
        catch (Exception e) when (redis.Unreachable(e, "reading a saved reference"))
        {
            return false;
        }
    }

    public async Task RememberAsync(string key, object value)
    {
        try
        {
            await (await redis.DatabaseAsync()).StringSetAsync(redis.Key("saved:" + key), Fingerprint(value), LocalSavedReferences.MaxAge);
        }
        catch (Exception e) when (redis.Unreachable(e, "remembering a saved reference"))
        {
            // The next turn from there writes it again.
        }
    }

    public async Task ForgetAsync(string key)
    {
        try
        {
            await (await redis.DatabaseAsync()).KeyDeleteAsync(redis.Key("saved:" + key));
        }
        catch (Exception e) when (redis.Unreachable(e, "forgetting a saved reference"))
        {
            // See the remarks: it runs out within the hour.
        }
    }

    static string Fingerprint(object value) => JsonSerializer.Serialize(value, value.GetType());
}
