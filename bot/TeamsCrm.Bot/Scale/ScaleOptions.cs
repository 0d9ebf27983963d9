namespace TeamsCrm.Bot.Scale;

/// <summary>
/// The "Scale" section: what several instances behind one address must share. <see cref="Redis"/> empty: each instance
/// keeps its own (right for one instance; with more, a warning at start says what is not shared).
/// </summary>
public sealed class ScaleOptions
{
    public const string Section = "Scale";

    /// <summary>A StackExchange.Redis connection string (Azure Cache for Redis: <c>name.redis.cache.windows.net:6380,password=…,ssl=True,abortConnect=False</c>).</summary>
    public string? Redis { get; set; }

    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);
}
