using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Tests.Schema;

static class RoundTrip
{
    static readonly string[] TimestampFields = ["timestamp", "localTimestamp"];

    /// <summary>
    /// Deserializes to <see cref="Activity"/>, serializes back and asserts the JSON is the same. The two typed
    /// timestamps are compared as values (instant and offset): System.Text.Json writes "+00:00" where Teams wrote "Z".
    /// </summary>
    public static Activity AssertUnchanged(string json)
    {
        var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;
        var original = JsonNode.Parse(json)!.AsObject();
        var written = JsonSerializer.SerializeToNode(activity, BotJson.Options)!.AsObject();

        foreach (var field in TimestampFields)
        {
            if (original[field] is not { } expected) continue;
            var before = DateTimeOffset.Parse((string)expected!, System.Globalization.CultureInfo.InvariantCulture);
            var after = DateTimeOffset.Parse((string)written[field]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(before, after);
            Assert.Equal(before.Offset, after.Offset);
            original.Remove(field);
            written.Remove(field);
        }
        Assert.True(JsonNode.DeepEquals(original, written),
            $"The activity changed in a round trip.\nBefore: {original.ToJsonString()}\nAfter:  {written.ToJsonString()}");
        return activity;
    }
}
