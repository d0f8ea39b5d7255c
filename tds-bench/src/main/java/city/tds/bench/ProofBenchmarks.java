package city.tds.bench;

import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SuiteId;
import city.tds.evidence.merkle.MerkleHasher;
import city.tds.evidence.merkle.MerkleProofs;
import city.tds.evidence.merkle.ProofVerifier;
import city.tds.evidence.merkle.Tile;
import city.tds.evidence.merkle.TiledTree;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inclusion proofs over a log of one million leaves held the way a node holds it: tile roots and upper levels in
 * memory, complete tiles from a cache (here: every tile cached, as for the recent records receipts are mostly asked
 * for). Generation costs only lookups; verification hashes log2(n) nodes with the suite hash.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ProofBenchmarks {

    @Param({"GM", "INTL"})
    public String suite;

    @Param({"1000000"})
    public int leaves;

    private MerkleHasher hasher;
    private MerkleProofs proofs;
    private ProofVerifier verifier;
    private TiledTree tree;
    private byte[] root;
    private final List<List<byte[]>> samplePaths = new ArrayList<>();
    private final List<byte[]> sampleLeaves = new ArrayList<>();
    private final List<Long> sampleIndexes = new ArrayList<>();

    @Setup(Level.Trial)
    public void buildTree() {
        hasher = new MerkleHasher(CryptoSuites.create(SuiteId.parse(suite).orElseThrow(), new SecureRandom()));
        Map<Long, Tile> tiles = new HashMap<>();
        tree = new TiledTree(hasher, tiles::get, leaves / Tile.LEAVES + 1);
        List<byte[]> roots = new ArrayList<>();
        List<byte[]> batch = new ArrayList<>(Tile.LEAVES);
        for (int i = 0; i < leaves; i++) {
            batch.add(hasher.leaf(ByteBuffer.allocate(8).putLong(i).array()));
            if (batch.size() == Tile.LEAVES) {
                Tile tile = Tile.build(i / Tile.LEAVES, batch, hasher);
                tiles.put(tile.index(), tile);
                roots.add(tile.root());
                batch = new ArrayList<>(Tile.LEAVES);
            }
        }
        tree.load(roots, batch);
        proofs = new MerkleProofs(hasher, tree);
        verifier = new ProofVerifier(hasher);
        root = proofs.root(leaves);
        for (int i = 0; i < 1024; i++) {
            long index = ThreadLocalRandom.current().nextLong(leaves);
            sampleIndexes.add(index);
            sampleLeaves.add(tree.hash(0, index));
            samplePaths.add(proofs.inclusion(index, leaves));
        }
    }

    @Benchmark
    @Threads(1)
    public List<byte[]> generateInclusionProof() {
        long index = ThreadLocalRandom.current().nextLong(leaves);
        return tree.read(() -> proofs.inclusion(index, leaves));
    }

    @Benchmark
    @Threads(2)
    public List<byte[]> generateInclusionProofTwoThreads() {
        long index = ThreadLocalRandom.current().nextLong(leaves);
        return tree.read(() -> proofs.inclusion(index, leaves));
    }

    @Benchmark
    @Threads(1)
    public boolean verifyInclusionProof() {
        int i = ThreadLocalRandom.current().nextInt(samplePaths.size());
        return verifier.verifyInclusion(sampleIndexes.get(i), leaves, sampleLeaves.get(i), samplePaths.get(i), root);
    }

    @Benchmark
    @Threads(2)
    public boolean verifyInclusionProofTwoThreads() {
        int i = ThreadLocalRandom.current().nextInt(samplePaths.size());
        return verifier.verifyInclusion(sampleIndexes.get(i), leaves, sampleLeaves.get(i), samplePaths.get(i), root);
    }
}
