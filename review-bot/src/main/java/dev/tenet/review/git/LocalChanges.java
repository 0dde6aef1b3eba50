package dev.tenet.review.git;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.rules.TenetInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;

/** Reads a change from a local git repository with JGit (no {@code git} binary): commits, the index or the working tree. */
public final class LocalChanges {
    private LocalChanges() {
    }

    /**
     * {@code base} against {@code head}, or against the working tree when {@code head} is empty.
     *
     * @throws TenetInputException when {@code dir} is not in a repository or a ref does not resolve
     */
    public static LocalChange between(Path dir, String base, Optional<String> head) {
        try (Repository repository = open(dir)) {
            AbstractTreeIterator oldTree = commitTree(repository, base, "--base");
            if (head.isEmpty()) {
                ChangeSet changes = TreeDiff.between(repository, oldTree, new FileTreeIterator(repository));
                return new LocalChange(changes, workTree(repository), base + "..working tree", Optional.empty());
            }
            ObjectId headCommit = resolve(repository, head.get(), "--head");
            ChangeSet changes = TreeDiff.between(repository, oldTree, commitTree(repository, head.get(), "--head"));
            String description = base + ".." + head.get();
            ObjectId checkedOut = repository.resolve("HEAD^{commit}");
            try (Git git = new Git(repository)) {
                if (headCommit.equals(checkedOut) && !git.status().call().hasUncommittedChanges()) {
                    return new LocalChange(changes, workTree(repository), description, Optional.empty());
                }
            }
            return snapshot(repository, commitTree(repository, head.get(), "--head"), changes, description);
        } catch (IOException | GitAPIException e) {
            throw new TenetInputException(dir.toString(), 0, "cannot read the git repository: " + e.getMessage());
        }
    }

    /**
     * The remote-tracking branch the checked-out branch follows ({@code origin/main}), if one is
     * configured (it may not be fetched yet). JGit resolves {@code @{upstream}} to {@code HEAD} when
     * there is none, so that name cannot be used to ask.
     */
    public static Optional<String> upstream(Path dir) {
        try (Repository repository = open(dir)) {
            String branch = repository.getBranch();
            String tracking = branch == null ? null : new BranchConfig(repository.getConfig(), branch).getTrackingBranch();
            return Optional.ofNullable(tracking).map(Repository::shortenRefName);
        } catch (IOException e) {
            throw new TenetInputException(dir.toString(), 0, "cannot read the git repository: " + e.getMessage());
        }
    }

    /** {@code HEAD} against the index: what the next commit would contain. */
    public static LocalChange staged(Path dir) {
        try (Repository repository = open(dir); Git git = new Git(repository)) {
            ChangeSet changes = TreeDiff.between(repository, headTree(repository), new DirCacheIterator(repository.readDirCache()));
            Status status = git.status().call();
            if (status.getModified().isEmpty() && status.getMissing().isEmpty()) {
                return new LocalChange(changes, workTree(repository), "staged changes", Optional.empty());
            }
            return snapshot(repository, new DirCacheIterator(repository.readDirCache()), changes, "staged changes");
        } catch (IOException | GitAPIException e) {
            throw new TenetInputException(dir.toString(), 0, "cannot read the git repository: " + e.getMessage());
        }
    }

    /** {@code HEAD} against the working tree: every uncommitted change, untracked (not ignored) files included. */
    public static LocalChange worktree(Path dir) {
        try (Repository repository = open(dir)) {
            ChangeSet changes = TreeDiff.between(repository, headTree(repository), new FileTreeIterator(repository));
            return new LocalChange(changes, workTree(repository), "uncommitted changes", Optional.empty());
        } catch (IOException e) {
            throw new TenetInputException(dir.toString(), 0, "cannot read the git repository: " + e.getMessage());
        }
    }

    private static LocalChange snapshot(Repository repository, AbstractTreeIterator tree, ChangeSet changes, String description)
            throws IOException {
        Path folder = Files.createTempDirectory("tenet-review-");
        LocalChange change = new LocalChange(changes, folder, description, Optional.of(folder));
        try {
            Snapshot.write(repository, tree, folder);
            return change;
        } catch (IOException | RuntimeException e) {
            change.close();
            throw e;
        }
    }

    private static Repository open(Path dir) {
        Path start = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(start)) {
            throw new TenetInputException(dir.toString(), 0, "no such directory");
        }
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(start.toFile());
            if (builder.getGitDir() == null) {
                throw new TenetInputException(dir.toString(), 0, "not inside a git repository");
            }
            return builder.setMustExist(true).build();
        } catch (RepositoryNotFoundException e) {
            throw new TenetInputException(dir.toString(), 0, "not inside a git repository");
        } catch (IOException e) {
            throw new TenetInputException(dir.toString(), 0, "cannot open the git repository: " + e.getMessage());
        }
    }

    private static Path workTree(Repository repository) {
        if (repository.isBare()) {
            throw new TenetInputException(repository.getDirectory().toString(), 0, "a bare repository has no working tree to review");
        }
        return repository.getWorkTree().toPath().toAbsolutePath().normalize();
    }

    private static ObjectId resolve(Repository repository, String ref, String option) throws IOException {
        ObjectId id = repository.resolve(ref + "^{commit}");
        if (id == null) {
            throw new TenetInputException(option + " " + ref + ": no such commit, branch or tag in " + repository.getWorkTree());
        }
        return id;
    }

    private static AbstractTreeIterator commitTree(Repository repository, String ref, String option) throws IOException {
        return treeOf(repository, resolve(repository, ref, option));
    }

    private static AbstractTreeIterator headTree(Repository repository) throws IOException {
        ObjectId head = repository.resolve("HEAD^{commit}");
        return head == null ? new EmptyTreeIterator() : treeOf(repository, head);
    }

    private static AbstractTreeIterator treeOf(Repository repository, ObjectId commitId) throws IOException {
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            RevCommit commit = walk.parseCommit(commitId);
            CanonicalTreeParser parser = new CanonicalTreeParser();
            parser.reset(reader, commit.getTree().getId());
            return parser;
        }
    }
}
