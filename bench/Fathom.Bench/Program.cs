using System.Reflection;
using Fathom.Bench;

// dotnet run -c Release --project bench/Fathom.Bench -- TASK... [--data DIR]
// Prints one JSON line per task and variant, in the shape of shared/bench/anchors.py.
var tasks = typeof(IBenchTask).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(IBenchTask).IsAssignableFrom(t))
    .Select(t => (IBenchTask)Activator.CreateInstance(t)!)
    .ToDictionary(t => t.Name, StringComparer.Ordinal);

string? dataDir = null;
var wanted = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--data" && i + 1 < args.Length) dataDir = args[++i];
    else if (args[i] is "-h" or "--help")
    {
        Console.WriteLine($"usage: Fathom.Bench TASK... [--data DIR]\ntasks: {string.Join(", ", tasks.Keys.Order())}");
        return 0;
    }
    else wanted.Add(args[i]);
}
if (wanted.Count == 0) wanted.AddRange(tasks.Keys.Order());
dataDir ??= FindShared();
var context = new BenchContext(dataDir, Console.Out);
foreach (var name in wanted)
{
    if (!tasks.TryGetValue(name, out var task))
    {
        Console.Error.WriteLine($"unknown task '{name}'; tasks: {string.Join(", ", tasks.Keys.Order())}");
        return 2;
    }
    task.Run(context);
}
return 0;

static string FindShared()
{
    // ../shared from the repository root: walk up from the working directory to the folder holding Fathom.slnx.
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fathom.slnx"))) dir = dir.Parent;
    string root = dir?.FullName ?? Directory.GetCurrentDirectory();
    return Path.GetFullPath(Path.Combine(root, "..", "shared"));
}

/// <summary>Marker so the tasks can be found by reflection.</summary>
internal static partial class Program;
