using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Transcripts;

/// <summary>
/// Activity in → the exact activities out. Each step posts one activity to the real bot and records the
/// HTTP answer and every call the fake connector received; the whole transcript must equal the file in
/// Transcripts/Expected/. Volatile values are replaced by placeholders: the connector's address by
/// {serviceUrl}, the n-th inbound activity's id by {in1}, {in2}, …, the n-th form submission id (a GUID made
/// when a form card is built) by {submission1}, {submission2}, …, approval ids (32 hex digits) by {approval1}, …
/// With authentication on (<see cref="TestBot.WithAuthenticationAsync"/>) the same file must come out: every inbound
/// activity then carries the connector's signed token, and every outbound call the bot's bearer token — checked here on
/// each call rather than written in the file, since it says nothing about the feature.
/// Set UPDATE_TRANSCRIPTS=1 to rewrite the files after a deliberate change: each test then rewrites its files and fails
/// at its end, so that a run with it set never passes (in CI or anywhere); read the diff and run again without it.
/// </summary>
public static partial class Transcript
{
    static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static readonly AsyncLocal<bool> UpdatingHere = new();

    /// <summary>UPDATE_TRANSCRIPTS is set (to anything): expected files are rewritten, and no test that verifies one passes.</summary>
    public static bool Updating => UpdatingHere.Value || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("UPDATE_TRANSCRIPTS"));

    /// <summary>Runs <paramref name="test"/> as if UPDATE_TRANSCRIPTS were set, without touching the process (other tests run meanwhile).</summary>
    internal static async Task AsIfUpdatingAsync(Func<Task> test)
    {
        UpdatingHere.Value = true;
        try { await test(); }
        finally { UpdatingHere.Value = false; }
    }

    public static async Task VerifyAsync(string name, TestBot bot, params JsonObject[] inbound)
    {
        Assert.True(bot.Issuer is not null || !TestBot.AuthenticatedByDefault, "This transcript was to run authenticated but its bot was started without.");
        var steps = new JsonArray();
        foreach (var activity in inbound)
        {
            var result = await bot.PostAsync(activity);   // with authentication on, with a valid token
            var bearer = bot.Issuer is null ? "" : $"Bearer {TestBot.ConnectorToken}";
            Assert.All(result.Calls, c => Assert.Equal(bearer, c.Authorization));
            steps.Add(new JsonObject
            {
                ["in"] = activity.DeepClone(),
                ["status"] = result.Status,
                ["response"] = result.Body?.DeepClone(),
                ["out"] = new JsonArray(result.Calls.Select(c => (JsonNode)new JsonObject
                {
                    ["method"] = c.Method, ["path"] = c.Path + c.Query, ["body"] = c.Body?.DeepClone(),
                }).ToArray()),
            });
        }
        var actual = Normalize(steps.ToJsonString(Pretty), bot, inbound);
        var file = Repo.Path("tests", "TeamsCrm.Bot.Tests", "Transcripts", "Expected", name + ".json");
        if (Updating)
        {
            // The test goes on (its later transcripts are rewritten too) and fails at its end, whatever changed.
            var unchanged = File.Exists(file) && await File.ReadAllTextAsync(file) == actual + "\n";
            if (!unchanged) await File.WriteAllTextAsync(file, actual + "\n");
            bot.FailWhenDone(unchanged
                ? $"UPDATE_TRANSCRIPTS is set: transcript {name} is unchanged. Run again without UPDATE_TRANSCRIPTS."
                : $"UPDATE_TRANSCRIPTS is set: {file} was rewritten. Review the diff, then run again without UPDATE_TRANSCRIPTS.");
            return;
        }
        Assert.True(File.Exists(file), $"No expected transcript {file}; run with UPDATE_TRANSCRIPTS=1 and review it.");
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(file));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(actual)),
            $"Transcript {name} differs.\n--- expected\n{expected!.ToJsonString(Pretty)}\n--- actual\n{actual}");
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"submissionId\": \"([0-9a-f-]{36})\"")]
    private static partial System.Text.RegularExpressions.Regex SubmissionId();

    [System.Text.RegularExpressions.GeneratedRegex("\"id\": \"([0-9a-f]{32})\"")]
    private static partial System.Text.RegularExpressions.Regex ApprovalId();

    /// <summary>A download link's signature: made with a random key unless the test fixes one (the signing has tests of its own).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("([?&])s=[A-Za-z0-9_-]{43}\"")]
    private static partial System.Text.RegularExpressions.Regex LinkSignature();

    static string Normalize(string json, TestBot bot, JsonObject[] inbound)
    {
        var url = bot.ServiceUrl.ToString();
        json = json.Replace(url, "{serviceUrl}/", StringComparison.Ordinal).Replace(url.TrimEnd('/'), "{serviceUrl}", StringComparison.Ordinal);
        for (var i = 0; i < inbound.Length; i++)
            json = json.Replace($"\"{(string)inbound[i]["id"]!}\"", $"\"{{in{i + 1}}}\"", StringComparison.Ordinal)
                       .Replace($"/{(string)inbound[i]["id"]!}\"", $"/{{in{i + 1}}}\"", StringComparison.Ordinal);
        var submissions = SubmissionId().Matches(json).Select(m => m.Groups[1].Value).Distinct().ToList();
        for (var i = 0; i < submissions.Count; i++)
            json = json.Replace(submissions[i], $"{{submission{i + 1}}}", StringComparison.Ordinal);
        var approvals = ApprovalId().Matches(json).Select(m => m.Groups[1].Value).Distinct().ToList();
        for (var i = 0; i < approvals.Count; i++)
            json = json.Replace(approvals[i], $"{{approval{i + 1}}}", StringComparison.Ordinal);
        return LinkSignature().Replace(json, "$1s={signature}\"");
    }
}
