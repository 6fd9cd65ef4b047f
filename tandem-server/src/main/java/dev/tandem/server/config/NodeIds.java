package dev.tandem.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** The name one running node goes by in cluster leases and claims. */
public final class NodeIds {

    private NodeIds() {
    }

    /**
     * The configured node name, or else a fresh random one (host name and a random suffix). Resolve it once per
     * process: every part that claims work must use the same name, so that a node restarted under a fixed name
     * takes back all it held.
     */
    public static String resolve(TandemConfig config) {
        return config.nodeId().orElseGet(NodeIds::random);
    }

    private static String random() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > TandemConfig.MAX_NODE_ID ? id.substring(id.length() - TandemConfig.MAX_NODE_ID) : id;
    }
}
