package dev.tenet.review.github;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.review.change.FileChange;
import dev.tenet.review.change.UnifiedPatch;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.engine.SourceTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestFileDetail;
import org.kohsuke.github.GHRepository;

/**
 * Reads a pull request's change through the API: the files and their patches become the
 * {@link ChangeSet}; the head version comes from a local checkout of the head commit when there is
 * one, otherwise the changed files (and {@code .tenet/}) are fetched, no clone needed.
 */
public final class PullRequestChanges {
    private static final List<String> TENET_FILES = List.of(ConfigLoader.CONFIG_FILE, ".tenet/baseline.json");

    private final GHRepository repository;
    private final GHPullRequest pullRequest;
    private final Retrier retrier;
    private final int maxFetchedFiles;

    public PullRequestChanges(GHRepository repository, GHPullRequest pullRequest, Retrier retrier, int maxFetchedFiles) {
        this.repository = repository;
        this.pullRequest = pullRequest;
        this.retrier = retrier;
        this.maxFetchedFiles = maxFetchedFiles;
    }

    /** @param checkout a folder that may hold a checkout of the head commit (used only when its HEAD is that commit) */
    public PullRequestChange read(Path checkout) throws IOException {
        String headSha = pullRequest.getHead().getSha();
        List<GHPullRequestFileDetail> details = retrier.call(() -> pullRequest.listFiles().toList());
        List<String> notReviewed = new ArrayList<>();
        if (pullRequest.getChangedFiles() > details.size()) {
            notReviewed.add((pullRequest.getChangedFiles() - details.size()) + " changed file(s) beyond the " + details.size()
                    + " the GitHub API lists for a pull request.");
        }
        List<FileChange> files = new ArrayList<>();
        int withoutPatch = 0;
        for (GHPullRequestFileDetail detail : details) {
            if ("removed".equals(detail.getStatus())) {
                continue;
            }
            if (detail.getPatch() == null) {
                withoutPatch++;
                continue;
            }
            UnifiedPatch.Lines lines = UnifiedPatch.parse(detail.getPatch());
            Optional<String> previous = "renamed".equals(detail.getStatus()) || "copied".equals(detail.getStatus())
                    ? Optional.ofNullable(detail.getPreviousFilename()) : Optional.empty();
            files.add(new FileChange(detail.getFilename(), previous, lines.added(), lines.hunks()));
        }
        if (withoutPatch > 0) {
            notReviewed.add(withoutPatch + " changed file(s) for which GitHub sent no patch (binary or too large a diff).");
        }
        ChangeSet changes = ChangeSet.of(files);
        if (isCheckoutOf(checkout, headSha)) {
            return new PullRequestChange(changes, headSha, checkout.toAbsolutePath().normalize(), true, notReviewed, Optional.empty());
        }
        return fetched(changes, headSha, notReviewed);
    }

    private PullRequestChange fetched(ChangeSet changes, String headSha, List<String> notReviewed) throws IOException {
        Path folder = Files.createTempDirectory("tenet-pr-");
        PullRequestChange change = new PullRequestChange(changes, headSha, folder, false, notReviewed, Optional.of(folder));
        try {
            List<String> wanted = changes.files().stream().map(FileChange::path).filter(SourceTree::isChecked).toList();
            List<String> skipped = wanted.size() > maxFetchedFiles ? wanted.subList(maxFetchedFiles, wanted.size()) : List.of();
            List<String> notes = new ArrayList<>(notReviewed);
            for (String path : wanted.subList(0, wanted.size() - skipped.size())) {
                if (!fetch(path, headSha, folder)) {
                    notes.add(path + " could not be fetched (larger than the 1 MB the contents API returns).");
                }
            }
            if (!skipped.isEmpty()) {
                notes.add(skipped.size() + " changed file(s) beyond the " + maxFetchedFiles
                        + " fetched through the API; check out the head commit for a full review.");
            }
            for (String path : TENET_FILES) {
                fetch(path, headSha, folder);
            }
            for (GHContent rule : directory(RuleCatalog.REPOSITORY_RULES, headSha)) {
                if (rule.isFile() && rule.getName().endsWith(".md")) {
                    fetch(rule.getPath(), headSha, folder);
                }
            }
            notes.add("No checkout of the head commit, so cross-file checks saw only the changed files "
                    + "(check out the head commit for full context).");
            return new PullRequestChange(changes, headSha, folder, false, notes, Optional.of(folder));
        } catch (IOException | RuntimeException e) {
            change.close();
            throw e;
        }
    }

    private boolean fetch(String path, String ref, Path folder) throws IOException {
        GHContent content;
        try {
            content = retrier.call(() -> repository.getFileContent(path, ref));
        } catch (GHFileNotFoundException e) {
            return false;
        }
        if (!"base64".equals(content.getEncoding())) {
            return false;
        }
        Path target = folder.resolve(path).normalize();
        if (!target.startsWith(folder)) {
            throw new IOException("GitHub listed a path outside the repository: " + path);
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = content.read()) {
            Files.copy(in, target);
        }
        return true;
    }

    private List<GHContent> directory(String path, String ref) throws IOException {
        try {
            return retrier.call(() -> repository.getDirectoryContent(path, ref));
        } catch (GHFileNotFoundException e) {
            return List.of();
        }
    }

    private static boolean isCheckoutOf(Path folder, String headSha) {
        if (folder == null || !Files.isDirectory(folder.resolve(".git"))) {
            return false;
        }
        try (Repository repository = new FileRepositoryBuilder().setWorkTree(folder.toFile()).setMustExist(true).build()) {
            ObjectId head = repository.resolve("HEAD^{commit}");
            return head != null && head.getName().equals(headSha);
        } catch (IOException e) {
            return false;
        }
    }
}
