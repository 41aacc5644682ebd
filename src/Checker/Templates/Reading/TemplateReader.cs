using System.Text;
using Compliance.Checker.Snapshots;
using Compliance.Checker.Templates.Model;

namespace Compliance.Checker.Templates.Reading;

/// <summary>Reads one template file, JSON or YAML (whichever the first character says), into a <see cref="TemplateDocument"/>.</summary>
internal static class TemplateReader
{
    /// <param name="path">The file to read.</param>
    /// <param name="displayPath">How messages and findings name the file (relative to the working directory).</param>
    public static TemplateDocument ReadFile(string path, string displayPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"{displayPath}: cannot read the template: {ex.Message}");
        }

        return Parse(bytes, displayPath);
    }

    /// <summary>Parses template bytes; <paramref name="displayPath"/> names the file in errors and locations.</summary>
    public static TemplateDocument Parse(byte[] bytes, string displayPath)
    {
        TemplateNode root;
        if (LooksLikeJson(bytes))
        {
            root = JsonTemplateReader.Read(bytes, displayPath);
        }
        else
        {
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new InputException($"{displayPath}: the file is not UTF-8 text; expected a CloudFormation template in JSON or YAML.");
            }

            root = YamlTemplateReader.Read(text.TrimStart('\uFEFF'), displayPath);
        }

        return TemplateDocument.From(root, displayPath);
    }

    /// <summary>JSON when the first character after an optional byte order mark and whitespace is '{'.</summary>
    private static bool LooksLikeJson(byte[] bytes)
    {
        var i = bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i < bytes.Length && bytes[i] == (byte)'{';
    }
}
