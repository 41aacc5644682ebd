using System.Text.Json;

namespace Compliance.Infra;

/// <summary>Where the app finds the repository's files: the function's publish output and its handler.</summary>
public sealed record RepositoryLayout
{
    /// <summary>The publish output folder, relative to the repository root.</summary>
    public const string FunctionOutput = "artifacts/function";

    /// <summary>The command that produces <see cref="FunctionOutput"/>.</summary>
    public const string PublishCommand = "dotnet publish src/Checker -c Release -p:PublishProfile=Function -o artifacts/function";

    /// <summary>The repository root (the folder holding Compliance.sln).</summary>
    public required string Root { get; init; }

    /// <summary>The folder deployed as the function's code.</summary>
    public string FunctionCode => Path.Combine(Root, FunctionOutput);

    /// <summary>
    /// Finds the root upward from the working directory, then from the app's own folder (tests run from bin/).
    /// </summary>
    /// <exception cref="InvalidOperationException">No Compliance.sln above either.</exception>
    public static RepositoryLayout Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
                {
                    return new RepositoryLayout { Root = dir.FullName };
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Compliance.sln) above the working directory.");
    }

    /// <summary>The publish output, checked: synthesis stops here when the function was not published.</summary>
    /// <exception cref="InvalidOperationException">The output has no compliance.dll.</exception>
    public string RequireFunctionCode()
    {
        if (!File.Exists(Path.Combine(FunctionCode, "compliance.dll")))
        {
            throw new InvalidOperationException(
                $"The function's code is missing: {Path.Combine(FunctionCode, "compliance.dll")} does not exist. " +
                $"Run `{PublishCommand}` from {Root} (building src/Infra does it when the folder is missing), then synthesize again.");
        }

        return FunctionCode;
    }

    /// <summary>The handler named by aws-lambda-tools-defaults.json ("function-handler"), read at synthesis time.</summary>
    /// <exception cref="InvalidOperationException">The file or the value is missing.</exception>
    public string Handler()
    {
        var path = Path.Combine(Root, "aws-lambda-tools-defaults.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("function-handler", out var handler) && handler.GetString() is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{path} has no \"function-handler\".");
    }
}
