"""Cluster membership: node registry, heartbeats and request placement.

Placement uses rendezvous (highest random weight) hashing so that adding or
removing a node only moves the keys that belonged to that node.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from enum import Enum
from typing import Dict, List, Optional

from plexichat.core.config import get_config
from plexichat.core.utils.fallbacks import get_module_version


class NodeStatus(str, Enum):
    JOINING = "joining"
    HEALTHY = "healthy"
    SUSPECT = "suspect"
    DOWN = "down"


@dataclass
class ClusterNode:
    node_id: str
    address: str
    weight: float = 1.0
    status: NodeStatus = NodeStatus.JOINING
    last_heartbeat: float = field(default_factory=time.monotonic)


class ClusterManager:
    def __init__(self, suspect_after: Optional[float] = None, down_after: Optional[float] = None) -> None:
        self.suspect_after = suspect_after or float(get_config("cluster.suspect_after", 10))
        self.down_after = down_after or float(get_config("cluster.down_after", 30))
        self._nodes: Dict[str, ClusterNode] = {}
        self._lock = threading.Lock()

    def join(self, node_id: str, address: str, weight: float = 1.0) -> ClusterNode:
        node = ClusterNode(node_id=node_id, address=address, weight=weight)
        with self._lock:
            self._nodes[node_id] = node
        return node

    def leave(self, node_id: str) -> bool:
        with self._lock:
            return self._nodes.pop(node_id, None) is not None

    def heartbeat(self, node_id: str) -> None:
        with self._lock:
            node = self._nodes[node_id]
            node.last_heartbeat = time.monotonic()
            node.status = NodeStatus.HEALTHY

    def refresh(self, now: Optional[float] = None) -> None:
        """Downgrade nodes whose heartbeats are overdue."""
        now = time.monotonic() if now is None else now
        with self._lock:
            for node in self._nodes.values():
                silence = now - node.last_heartbeat
                if silence >= self.down_after:
                    node.status = NodeStatus.DOWN
                elif silence >= self.suspect_after and node.status is NodeStatus.HEALTHY:
                    node.status = NodeStatus.SUSPECT

    def healthy_nodes(self) -> List[ClusterNode]:
        with self._lock:
            return [node for node in self._nodes.values() if node.status is NodeStatus.HEALTHY]

    def pick_node(self, key: str) -> Optional[ClusterNode]:
        """Return the healthy node responsible for ``key``."""
        best: Optional[ClusterNode] = None
        best_score = -1.0
        for node in self.healthy_nodes():
            digest = hashlib.blake2b(f"{node.node_id}:{key}".encode(), digest_size=8).digest()
            score = int.from_bytes(digest, "big") * node.weight
            if score > best_score:
                best, best_score = node, score
        return best


cluster_manager = ClusterManager()

__version__ = get_module_version()

__all__ = ["ClusterManager", "ClusterNode", "NodeStatus", "cluster_manager", "__version__"]
