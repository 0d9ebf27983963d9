using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using TeamsCrm.Bot.Scale;
using TeamsCrm.BotFramework.Hosting;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// Redelivery dedup across instances: the connector may redeliver a slow turn to any instance behind the address. The
/// first instance to claim the activity's key in Redis runs the turn and leaves its answer there for the window; another
/// that gets the same activity waits for that answer and never runs the turn itself. A run that fails lets go of its
/// claim, so that a redelivery may retry it. Within one process the in-memory deduplicator joins deliveries first.
/// </summary>
/// <remarks>Redis unreachable: the turn runs (the process's own dedup and the archive's idempotent writes still hold).</remarks>
public sealed class RedisRedeliveries(RedisConnection redis, ActivityDeduplicator local) : IRedeliveryLedger
{
    /// <summary>How long a redelivery waits for another instance's run: past Teams' own patience, then it is answered empty.</summary>
    public static readonly TimeSpan WaitForFirstRun = TimeSpan.FromSeconds(30);
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    const string Running = "running";
    const string NoAnswer = "none";

    sealed record Ran(InvokeResponse? Answer, bool Here);

    public async Task<(InvokeResponse? Answer, bool FirstRun)> RunOnceAsync(string? key, Func<Task<InvokeResponse?>> turn)
    {
        if (key is null) return (await turn(), true);
        var (ran, firstHere) = await local.RunOnceAsync(key, () => AcrossInstancesAsync(redis.Key("turn:" + key), turn));
        return (ran!.Answer, firstHere && ran.Here);
    }

    async Task<Ran?> AcrossInstancesAsync(RedisKey key, Func<Task<InvokeResponse?>> turn)
    {
        IDatabase db;
        try
        {
            db = await redis.DatabaseAsync();
            var waited = Stopwatch.StartNew();
            while (!await db.StringSetAsync(key, Running, ActivityDeduplicator.Window, When.NotExists))
            {
                var value = await db.StringGetAsync(key);
                if (value.IsNull) continue;                        // the other run failed and let go: this one claims it
                if (value != Running) return new Ran(Decode(value!), false);
                if (waited.Elapsed >= WaitForFirstRun) return new Ran(null, false);
                await Task.Delay(Poll);                            // real time: the other instance's turn runs on it too
            }
        }
        catch (Exception e) when (redis.Unreachable(e, "deduplicating a delivery"))
        {
            return new Ran(await turn(), true);
        }

        InvokeResponse? answer;
        try
        {
            answer = await turn();
        }
        catch
        {
            await LetGoAsync(db, key);
            throw;
        }
        try
        {
            await db.StringSetAsync(key, Encode(answer), ActivityDeduplicator.Window);
        }
        catch (Exception e) when (redis.Unreachable(e, "remembering a turn's answer"))
        {
            // A redelivery elsewhere then waits for it in vain and is answered empty; this turn's effects are done.
        }
        return new Ran(answer, true);
    }

    async Task LetGoAsync(IDatabase db, RedisKey key)
    {
        try
        {
            await db.KeyDeleteAsync(key);
        }
        catch (Exception e) when (redis.Unreachable(e, "letting go of a failed turn"))
        {
            // The claim runs out with the window; until then a redelivery elsewhere is answered empty.
        }
    }

    /// <summary>An invoke's answer as its status and JSON body ("200\n{…}"); a message turn has none.</summary>
    static string Encode(InvokeResponse? answer) => answer is null ? NoAnswer
        : answer.Status + "\n" + (answer.Body is { } body ? JsonSerializer.Serialize(body, body.GetType(), BotJson.Options) : "");

    static InvokeResponse? Decode(string value)
    {
        if (value == NoAnswer) return null;
        var newline = value.IndexOf('\n');
        var status = int.Parse(value.AsSpan(0, newline), System.Globalization.CultureInfo.InvariantCulture);
        var body = value[(newline + 1)..];
        return new InvokeResponse(status, body.Length == 0 ? null : JsonNode.Parse(body));
    }
}
